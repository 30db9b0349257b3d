# Agreements: an organization's detail lists its agreements, and the Sector an agreement names
# is a link that opens that Sector.
TEXT_AGREEMENTS="Agreements (4)"
TEXT_AGREEMENT_TITLE="Memorandum of understanding with ITU-T"
TEXT_SECTOR_BUREAU="Telecommunication Standardization Bureau (TSB)"

start_browser agreements --open etsi
wait_for "$TEXT_AGREEMENTS" 20
wait_for "$TEXT_AGREEMENT_TITLE"
keys Tab
keys Enter
wait_for "$TEXT_SECTOR_BUREAU"
keys q
check_restored agreements 0
