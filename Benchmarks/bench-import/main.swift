print("bench-import")
