/*
 * server.h — starting a private warrend for the tests that need their own (a token file, a short idle
 * timeout): runs `$WARREND --memory --address 127.0.0.1:0 <extra>`, reads the address from its first
 * line ("warrend listening on IP:PORT") and stops it with SIGTERM.
 */
#ifndef WARREN_C_TEST_SERVER_H
#define WARREN_C_TEST_SERVER_H

#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct test_server {
    pid_t pid;
    char address[64];
} test_server;

/** Starts the server; 0 on success, -1 (with a message on stderr) when it does not come up. */
static int test_server_start(const char *binary, const char *const extra_arguments[], test_server *server) {
    int out[2];
    if (pipe(out) != 0) return -1;
    const char *arguments[16] = {binary, "--memory", "--address", "127.0.0.1:0", "--log-level", "error"};
    size_t count = 6;
    for (size_t i = 0; extra_arguments != NULL && extra_arguments[i] != NULL && count < 15; i++) {
        arguments[count++] = extra_arguments[i];
    }
    arguments[count] = NULL;
    pid_t pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        dup2(out[1], STDOUT_FILENO);
        close(out[0]);
        close(out[1]);
        execv(binary, (char *const *)arguments);
        _exit(127);
    }
    close(out[1]);
    FILE *lines = fdopen(out[0], "r");
    char line[256] = "";
    int started = lines != NULL && fgets(line, sizeof line, lines) != NULL &&
                  sscanf(line, "warrend listening on %63s", server->address) == 1;
    if (lines != NULL) fclose(lines);
    server->pid = pid;
    if (!started) {
        fprintf(stderr, "test server %s did not start (first line: '%s')\n", binary, line);
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
        return -1;
    }
    return 0;
}

/** Stops the server and waits for it. */
static void test_server_stop(test_server *server) {
    if (server->pid <= 0) return;
    kill(server->pid, SIGTERM);
    waitpid(server->pid, NULL, 0);
    server->pid = 0;
}

#endif
