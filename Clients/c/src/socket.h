/*
 * socket.h — blocking TCP with deadlines: connect, write everything, read what is there. A deadline is a
 * CLOCK_MONOTONIC time in milliseconds (wc_now_ms), or WC_NO_DEADLINE.
 */
#ifndef WARREN_C_SOCKET_H
#define WARREN_C_SOCKET_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define WC_NO_DEADLINE INT64_MAX

/** Outcomes of socket operations (negative: failed; errno-style text is in the `why` buffer). */
enum {
    WC_IO_OK = 0,
    WC_IO_TIMEOUT = -1, /* the deadline passed first */
    WC_IO_CLOSED = -2,  /* the peer closed the connection */
    WC_IO_ERROR = -3,   /* any other failure */
};

/** Milliseconds on CLOCK_MONOTONIC. */
int64_t wc_now_ms(void);

/** The deadline `timeout_ms` from now, or WC_NO_DEADLINE for 0. */
int64_t wc_deadline_after(uint32_t timeout_ms);

/**
 * Splits "host:port" (or "[v6]:port") into `host` (at most `host_size` bytes with its NUL) and `port`.
 * 0 on success, -1 when the text is not such an address.
 */
int wc_parse_address(const char *address, char *host, size_t host_size, uint16_t *port);

/**
 * Connects to `host`:`port` (every address the name resolves to, in order) before `deadline`.
 * Returns the socket, or a WC_IO_* code with a description in `why`.
 */
int wc_tcp_connect(const char *host, uint16_t port, int64_t deadline, char *why, size_t why_size);

/** Writes all `length` bytes before `deadline`. WC_IO_OK or a WC_IO_* failure. */
int wc_send_all(int fd, const uint8_t *bytes, size_t length, int64_t deadline);

/**
 * Waits until `fd` is readable or `deadline` passes, then reads at most `capacity` bytes.
 * Returns the number of bytes read (> 0) or a WC_IO_* code.
 */
ssize_t wc_recv_some(int fd, uint8_t *into, size_t capacity, int64_t deadline);

#endif
