/*
 * test_quotes_window.c -- test_quotes.c's cases again, with quotes.c built
 * in here with a window of 16 code points and no blocks of reach, so that
 * nearly every rule reads outside the window and moves it: the results
 * must not change (the stage reloads what it reads, and keeps the
 * who-is-who mentions' names and titles by themselves).  The out-of-memory
 * case also fails the window's reloads.
 */
#define QT_WINDOW ((size_t)16)
#define QT_WIN_REACH 0
#include "../../src/quotes.c"

#include "test_quotes.c"
