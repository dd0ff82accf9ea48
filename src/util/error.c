/*
 * error.c - status names and the error record every layer fills.
 */
#include "chronicle.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int chr_error_set(chr_error *err, int code, const char *file, long line,
                  const char *fmt, ...)
{
    if (!err) return code;
    err->code = code;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return code;
}

void chr_error_print(const chr_error *err, FILE *out, const char *prog)
{
    if (prog) fprintf(out, "%s: ", prog);
    if (err->file[0]) {
        if (err->line > 0) fprintf(out, "%s:%ld: ", err->file, err->line);
        else fprintf(out, "%s: ", err->file);
    }
    fprintf(out, "%s\n", err->msg[0] ? err->msg : chr_status_name(err->code));
}

const char *chr_status_name(int code)
{
    switch (code) {
    case CHR_OK: return "ok";
    case CHR_DONE: return "done";
    case CHR_EINPUT: return "malformed input";
    case CHR_ENOMEM: return "out of memory";
    case CHR_EIO: return "input/output error";
    case CHR_EDATA: return "invalid data file";
    case CHR_EUSAGE: return "usage error";
    case CHR_EINTERNAL: return "internal error";
    }
    return "unknown status";
}
