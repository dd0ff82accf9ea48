/* chronicle.c - the command-line tool (skeleton). */
#include <stdio.h>
#include <string.h>
#include "chronicle.h"
int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--version") == 0) { puts("chronicle " CHR_VERSION); return 0; }
    fprintf(stderr, "usage: chronicle COMMAND [ARGS]\n");
    return 2;
}
