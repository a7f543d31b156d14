// Shim for ncursesw: the wide-character API and the macros Swift cannot import.
#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H
#define NCURSES_WIDECHAR 1  /* SwiftPM drops pkg-config -D flags; without this get_wch disappears */
#include <locale.h>
#include <signal.h>
#include <ncursesw/curses.h>

static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline void cn_getmaxyx(WINDOW *w, int *y, int *x) { getmaxyx(w, *y, *x); }
static inline int cn_key_f(int n) { return KEY_F(n); }
static inline chtype cn_acs(char c) { return NCURSES_ACS(c); }
static inline const cchar_t *cn_wacs(char c) { return NCURSES_WACS(c); }

static const attr_t CN_A_NORMAL = A_NORMAL;
static const attr_t CN_A_BOLD = A_BOLD;
static const attr_t CN_A_DIM = A_DIM;
static const attr_t CN_A_REVERSE = A_REVERSE;
static const attr_t CN_A_UNDERLINE = A_UNDERLINE;
static const int CN_TRUE = TRUE;
static const int CN_FALSE = FALSE;
#endif
