#ifndef ITU_BROWSER_CNCURSES_SHIM_H
#define ITU_BROWSER_CNCURSES_SHIM_H
#define _XOPEN_SOURCE 700
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>
#endif
