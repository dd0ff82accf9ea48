/*
 * path.h - where the running tool is, for the files installed beside it.
 */
#ifndef CHR_PATH_H
#define CHR_PATH_H

#include <stddef.h>

/* Whether path names a directory. */
int chr_is_dir(const char *path);

/* The directory of the running executable into out (cap bytes); 0 when it
 * cannot be told or does not fit. */
int chr_exe_dir(char *out, size_t cap);

#endif
