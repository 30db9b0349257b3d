#ifndef ITU_BROWSER_CNCURSES_SHIM_H
#define ITU_BROWSER_CNCURSES_SHIM_H
#define _XOPEN_SOURCE 700
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>
#include <stdio.h>

/*
 * Swift cannot use ncurses' global variables under strict concurrency, nor its function-like
 * macros: each one the Terminal module needs is wrapped here in a `static inline` function.
 * These wrappers hold no state of their own.
 *
 * Include nothing else here that Swift's own C library modules also import (signal.h, for one):
 * the feature macros above change some of their structures, and two differing definitions of
 * one type in two modules do not build.
 */

static inline WINDOW *itu_stdscr(void) { return stdscr; }
static inline int itu_color_pairs(void) { return COLOR_PAIRS; }
static inline int itu_colors(void) { return COLORS; }

static inline FILE *itu_stdin(void) { return stdin; }
static inline FILE *itu_stdout(void) { return stdout; }

static inline attr_t itu_attr_normal(void) { return A_NORMAL; }
static inline attr_t itu_attr_bold(void) { return A_BOLD; }
static inline attr_t itu_attr_dim(void) { return A_DIM; }
static inline attr_t itu_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t itu_attr_reverse(void) { return A_REVERSE; }
static inline attr_t itu_attr_italic(void) { return A_ITALIC; }

static inline int itu_key_f(int n) { return KEY_F(n); }
static inline int itu_ccharw_max(void) { return CCHARW_MAX; }

#endif
