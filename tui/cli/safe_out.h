/* safe_out.h — the terminal boundary of the command line: stdout and
 * stderr replaced by streams that pass every byte through text_printable_buf
 * (positions/text.h), so no message, table or export a command prints can
 * carry a control sequence, whatever outside text it holds (typed
 * arguments, config names, database rows, feed errors). Call once, first
 * thing; the streams are flushed at exit. Returns 0, or -1 when a stream could not be made (the old one
 * stays). */
#ifndef STAKETOP_SAFE_OUT_H
#define STAKETOP_SAFE_OUT_H

/* stderr: first thing, always. */
int safe_out_install_stderr(void);
/* stdout: only when a command runs (the interface draws on stdout itself). */
int safe_out_install(void);

#endif
