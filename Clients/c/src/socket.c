#define _POSIX_C_SOURCE 200809L
#include "socket.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

int64_t wc_now_ms(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (int64_t)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

int64_t wc_deadline_after(uint32_t timeout_ms) {
    return timeout_ms == 0 ? WC_NO_DEADLINE : wc_now_ms() + timeout_ms;
}

int wc_parse_address(const char *address, char *host, size_t host_size, uint16_t *port) {
    const char *host_start = address;
    const char *host_end;
    const char *colon;
    if (address[0] == '[') {
        host_start = address + 1;
        host_end = strchr(host_start, ']');
        if (host_end == NULL || host_end[1] != ':') return -1;
        colon = host_end + 1;
    } else {
        colon = strrchr(address, ':');
        if (colon == NULL) return -1;
        host_end = colon;
    }
    size_t host_length = (size_t)(host_end - host_start);
    if (host_length == 0 || host_length >= host_size) return -1;
    char *end = NULL;
    errno = 0;
    unsigned long value = strtoul(colon + 1, &end, 10);
    if (errno != 0 || end == colon + 1 || *end != '\0' || value == 0 || value > 65535) return -1;
    memcpy(host, host_start, host_length);
    host[host_length] = '\0';
    *port = (uint16_t)value;
    return 0;
}

/** Milliseconds left before `deadline` for poll(): -1 for none, 0 when it has passed. */
static int poll_timeout(int64_t deadline) {
    if (deadline == WC_NO_DEADLINE) return -1;
    int64_t left = deadline - wc_now_ms();
    if (left <= 0) return 0;
    return left > 60000 ? 60000 : (int)left;
}

/** Waits for `events` on `fd` until `deadline`: WC_IO_OK when ready, else WC_IO_TIMEOUT or WC_IO_ERROR. */
static int wait_for(int fd, short events, int64_t deadline) {
    for (;;) {
        struct pollfd pfd = {.fd = fd, .events = events, .revents = 0};
        int timeout = poll_timeout(deadline);
        int ready = poll(&pfd, 1, timeout);
        if (ready > 0) return WC_IO_OK;
        if (ready < 0 && errno != EINTR) return WC_IO_ERROR;
        if (ready == 0 && deadline != WC_NO_DEADLINE && wc_now_ms() >= deadline) return WC_IO_TIMEOUT;
    }
}

/** Connects one resolved address without blocking past `deadline`. */
static int connect_one(const struct addrinfo *address, int64_t deadline, int *error) {
    int fd = socket(address->ai_family, address->ai_socktype | SOCK_CLOEXEC, address->ai_protocol);
    if (fd < 0) {
        *error = errno;
        return WC_IO_ERROR;
    }
    int flags = fcntl(fd, F_GETFL, 0);
    fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    if (connect(fd, address->ai_addr, address->ai_addrlen) != 0 && errno != EINPROGRESS) {
        *error = errno;
        close(fd);
        return WC_IO_ERROR;
    }
    int waited = wait_for(fd, POLLOUT, deadline);
    if (waited != WC_IO_OK) {
        *error = waited == WC_IO_TIMEOUT ? ETIMEDOUT : errno;
        close(fd);
        return waited;
    }
    socklen_t length = sizeof *error;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, error, &length) != 0 || *error != 0) {
        close(fd);
        return WC_IO_ERROR;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

int wc_tcp_connect(const char *host, uint16_t port, int64_t deadline, char *why, size_t why_size) {
    char service[8];
    snprintf(service, sizeof service, "%u", (unsigned)port);
    struct addrinfo hints = {0};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    struct addrinfo *addresses = NULL;
    int resolved = getaddrinfo(host, service, &hints, &addresses);
    if (resolved != 0) {
        snprintf(why, why_size, "cannot resolve %s: %s", host, gai_strerror(resolved));
        return WC_IO_ERROR;
    }
    int result = WC_IO_ERROR;
    int error = 0;
    for (const struct addrinfo *address = addresses; address != NULL; address = address->ai_next) {
        result = connect_one(address, deadline, &error);
        if (result >= 0 || result == WC_IO_TIMEOUT) break;
    }
    freeaddrinfo(addresses);
    if (result < 0) snprintf(why, why_size, "cannot connect to %s:%u: %s", host, (unsigned)port, strerror(error));
    return result;
}

int wc_send_all(int fd, const uint8_t *bytes, size_t length, int64_t deadline) {
    size_t sent = 0;
    while (sent < length) {
        ssize_t wrote = send(fd, bytes + sent, length - sent, MSG_NOSIGNAL);
        if (wrote > 0) {
            sent += (size_t)wrote;
            continue;
        }
        if (wrote < 0 && errno == EINTR) continue;
        if (wrote < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            int waited = wait_for(fd, POLLOUT, deadline);
            if (waited != WC_IO_OK) return waited;
            continue;
        }
        return (errno == EPIPE || errno == ECONNRESET) ? WC_IO_CLOSED : WC_IO_ERROR;
    }
    return WC_IO_OK;
}

ssize_t wc_recv_some(int fd, uint8_t *into, size_t capacity, int64_t deadline) {
    for (;;) {
        int waited = wait_for(fd, POLLIN, deadline);
        if (waited != WC_IO_OK) return waited;
        ssize_t got = recv(fd, into, capacity, 0);
        if (got > 0) return got;
        if (got == 0) return WC_IO_CLOSED;
        if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
        return errno == ECONNRESET ? WC_IO_CLOSED : WC_IO_ERROR;
    }
}
