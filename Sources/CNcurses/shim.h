// ncursesw with the wide-character API. Function-like macros that Swift cannot import are
// wrapped as static inline functions.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline int triage_color_pair(int n) { return COLOR_PAIR(n); }
static inline int triage_max_y(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)x; return y; }
static inline int triage_max_x(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)y; return x; }
static inline WINDOW *triage_stdscr(void) { return stdscr; }
static inline int triage_key_resize(void) { return KEY_RESIZE; }
static inline attr_t triage_a_bold(void) { return A_BOLD; }
static inline attr_t triage_a_dim(void) { return A_DIM; }
static inline attr_t triage_a_reverse(void) { return A_REVERSE; }
static inline attr_t triage_a_underline(void) { return A_UNDERLINE; }
static inline attr_t triage_a_normal(void) { return A_NORMAL; }
