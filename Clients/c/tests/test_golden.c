/*
 * test_golden.c — every golden encoding in Proto/testdata (written by Python's protobuf) decodes with
 * libprotobuf-c into the type its file name gives ("warren.v1.Input@peer.bin" is a warren.v1.Input) and
 * re-encodes byte for byte (SPEC §7: libprotobuf-c writes fields in number order and keeps map order).
 */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "warren_client.h"

/** Reads a whole file; NULL when it cannot. */
static uint8_t *read_file(const char *path, size_t *length) {
    FILE *file = fopen(path, "rb");
    if (file == NULL) return NULL;
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    uint8_t *bytes = malloc(size > 0 ? (size_t)size : 1);
    if (bytes != NULL && fread(bytes, 1, (size_t)size, file) != (size_t)size) {
        free(bytes);
        bytes = NULL;
    }
    fclose(file);
    *length = (size_t)size;
    return bytes;
}

/** The message type a golden file's name gives: the part before "@" or ".bin". */
static void type_name_of(const char *file_name, char *type, size_t size) {
    size_t length = strcspn(file_name, "@");
    size_t bin = strlen(file_name) - strlen(".bin");
    if (length > bin) length = bin;
    if (length >= size) length = size - 1;
    memcpy(type, file_name, length);
    type[length] = '\0';
}

/** Decodes and re-encodes one golden file; returns NULL when it round-trips, else why not. */
static const char *check_golden(const char *directory, const char *file_name, char *why, size_t why_size) {
    char type_name[256];
    type_name_of(file_name, type_name, sizeof type_name);
    const ProtobufCMessageDescriptor *type = warren_message_type(type_name);
    if (type == NULL) return snprintf(why, why_size, "no message type %s", type_name), why;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", directory, file_name);
    size_t length = 0;
    uint8_t *bytes = read_file(path, &length);
    if (bytes == NULL) return snprintf(why, why_size, "cannot read %s", path), why;
    ProtobufCMessage *message = protobuf_c_message_unpack(type, NULL, length, bytes);
    const char *result = NULL;
    if (message == NULL) {
        result = "libprotobuf-c cannot decode it";
    } else {
        size_t packed_length = protobuf_c_message_get_packed_size(message);
        uint8_t *packed = malloc(packed_length ? packed_length : 1);
        protobuf_c_message_pack(message, packed);
        if (packed_length != length || memcmp(packed, bytes, length) != 0) {
            snprintf(why, why_size, "re-encoding differs (%zu bytes, golden %zu)", packed_length, length);
            result = why;
        }
        free(packed);
        protobuf_c_message_free_unpacked(message, NULL);
    }
    free(bytes);
    return result;
}

static int is_golden_file(const struct dirent *entry) {
    size_t length = strlen(entry->d_name);
    return length > 4 && strcmp(entry->d_name + length - 4, ".bin") == 0;
}

int main(int argc, char **argv) {
    const char *directory = argc > 1 ? argv[1] : "../../Proto/testdata";
    struct dirent **entries = NULL;
    int count = scandir(directory, &entries, is_golden_file, alphasort);
    harness_record("golden files found", count > 100, "expected over 100 .bin files in the testdata directory");
    for (int i = 0; i < count; i++) {
        char why[4608];
        const char *failure = check_golden(directory, entries[i]->d_name, why, sizeof why);
        harness_record(entries[i]->d_name, failure == NULL, failure);
        free(entries[i]);
    }
    free(entries);
    printf("checked %d golden encodings in %s\n", count, directory);
    return harness_summary();
}
