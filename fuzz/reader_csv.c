/*
 * reader_csv.c - fuzz the CSV reader: any bytes, read as a CSV file
 * held in memory (fuzz/reader.h).
 */
#include "reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_read_all(data, size, "fuzz.csv", CHR_FMT_CSV);
}
