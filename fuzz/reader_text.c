/*
 * reader_text.c - fuzz the dated text reader: any bytes, read as a dated text file
 * held in memory (fuzz/reader.h).
 */
#include "reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_read_all(data, size, "fuzz.txt", CHR_FMT_TEXT);
}
