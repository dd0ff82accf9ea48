/*
 * reader_jsonl.c - fuzz the JSON Lines reader: any bytes, read as a JSON Lines file
 * held in memory (fuzz/reader.h).
 */
#include "reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_read_all(data, size, "fuzz.jsonl", CHR_FMT_JSONL);
}
