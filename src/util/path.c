/*
 * path.c - where the running tool is (path.h).
 */
#include "util/path.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int chr_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int chr_exe_dir(char *out, size_t cap)
{
    if (cap < 2) return 0;
    ssize_t n = readlink("/proc/self/exe", out, cap - 1);
    if (n <= 0 || (size_t)n >= cap - 1) return 0;
    out[n] = '\0';
    char *slash = strrchr(out, '/');
    if (!slash) return 0;
    *slash = '\0';
    return 1;
}
