#ifndef ITU_BROWSER_CLIBXML2_SHIM_H
#define ITU_BROWSER_CLIBXML2_SHIM_H
/* libxml2's HTML and XML parsers, for the Import module. */
#include <libxml/xmlversion.h>
/* The ICU headers libxml2 would pull in clash with the ones Foundation carries; only the
   layout of xmlCharEncodingHandler depends on them, and it is never used from Swift. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/entities.h>
#include <libxml/xmlmemory.h>

/* xmlFree is a global function pointer, which Swift 6 rejects as shared mutable state. */
static inline void itu_xml_free(void *pointer) { xmlFree(pointer); }
#endif
