#ifndef R3_CGNUPLOT_H
#define R3_CGNUPLOT_H
// A small C API over gnuplot-iostream: one persistent gnuplot child process per session.
// Commands go to gnuplot's stdin through a gnuplot-iostream `Gnuplot` stream; data goes as
// binary records (gnuplot-iostream's binFmt1d / sendBinary1d). gnuplot's stdout and stderr are
// read by a background thread; every batch ends with a marker line that carries GPVAL_ERRNO, so
// each call knows whether gnuplot reported an error and what it printed.
//
// No C++ exception ever crosses this API: every function catches everything and reports a
// status code with a message. SIGPIPE is ignored process-wide on the first r3gp_open (only when
// its disposition is still the default), so a gnuplot that dies turns into an error, not a crash.
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct r3gp_session r3gp_session;

typedef enum {
    R3GP_OK = 0,            ///< gnuplot ran the batch without error
    R3GP_GNUPLOT_ERROR = 1, ///< gnuplot ran the batch and reported an error (text has its output)
    R3GP_DIED = 2,          ///< the gnuplot process is gone (killed, crashed, exited)
    R3GP_TIMEOUT = 3,       ///< gnuplot did not answer in time; the process was killed
    R3GP_INTERNAL = 4       ///< a failure inside this library (bad argument, exception, ...)
} r3gp_status;

/// The answer to one batch: status plus everything gnuplot printed (stdout and stderr) before
/// the end-of-batch marker. `text` is malloc'ed (never NULL after a call); free it with r3gp_free.
typedef struct {
    int status;
    char *text;
} r3gp_reply;

/// One data block sent as binary records: `count` rows of (x[i], y[i]), both float64.
typedef struct {
    const double *x;
    const double *y;
    size_t count;
} r3gp_columns;

/// Starts `executable` (an absolute path to gnuplot) with stdin, stdout and stderr on pipes, in
/// its own process group. Waits up to `timeout_seconds` for it to answer a first marker.
/// Returns NULL on failure and then writes a message into `message` (capacity bytes).
r3gp_session *r3gp_open(const char *executable, double timeout_seconds, char *message,
                        size_t capacity);

/// The child's process id (for diagnostics and tests), or -1 once it has been reaped.
int r3gp_pid(const r3gp_session *session);

/// Sends `commands` (newline-separated gnuplot commands), then waits for the batch marker.
void r3gp_command(r3gp_session *session, const char *commands, double timeout_seconds,
                  r3gp_reply *reply);

/// Sends `prologue`, then one `plot` command whose k-th element is
/// `'-' binary format='%double%double' record=(count_k)` followed by `clauses[k]`
/// (e.g. " with lines title 'loss'"), then the k binary blocks, then `epilogue`, and waits
/// for the batch marker. `count` blocks; each must have at least one row.
void r3gp_plot(r3gp_session *session, const char *prologue, size_t count,
               const r3gp_columns *columns, const char *const *clauses, const char *epilogue,
               double timeout_seconds, r3gp_reply *reply);

/// Closes gnuplot's stdin, waits briefly for it to exit (then kills it) and frees everything.
void r3gp_close(r3gp_session *session);

/// Frees a reply's text.
void r3gp_free(char *text);

#ifdef __cplusplus
}
#endif
#endif
