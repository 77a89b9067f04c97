// One persistent gnuplot child per session, driven through gnuplot-iostream.
// See include/CGnuplot.h for the contract. Every extern "C" function catches everything.
#include "CGnuplot.h"

#include <gnuplot-iostream.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace {

/// A read-only view of `count` doubles that gnuplot-iostream treats as a container (zero copy).
struct ColumnSpan {
    typedef double value_type;
    typedef const double *const_iterator;
    const double *first;
    const double *last;
    const_iterator begin() const { return first; }
    const_iterator end() const { return last; }
};

char *duplicate(const std::string &text) {
    char *copy = static_cast<char *>(std::malloc(text.size() + 1));
    if (copy != nullptr) std::memcpy(copy, text.c_str(), text.size() + 1);
    return copy;
}

void set_reply(r3gp_reply *reply, int status, const std::string &text) {
    if (reply == nullptr) return;
    reply->status = status;
    reply->text = duplicate(text);
}

void copy_message(char *message, size_t capacity, const std::string &text) {
    if (message == nullptr || capacity == 0) return;
    size_t n = text.size() < capacity - 1 ? text.size() : capacity - 1;
    std::memcpy(message, text.data(), n);
    message[n] = '\0';
}

/// Ignores SIGPIPE once, unless the host program installed its own handler.
void ignore_sigpipe_once() {
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction current;
        if (sigaction(SIGPIPE, nullptr, &current) == 0 && current.sa_handler == SIG_DFL) {
            std::signal(SIGPIPE, SIG_IGN);
        }
    });
}

std::string describe_wait_status(int status) {
    if (WIFSIGNALED(status)) {
        int sig = WTERMSIG(status);
        const char *name = strsignal(sig);
        return "was killed by signal " + std::to_string(sig) + " (" + (name ? name : "?") + ")";
    }
    if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
    return "stopped (wait status " + std::to_string(status) + ")";
}

}  // namespace

struct r3gp_session {
    pid_t pid = -1;
    int output_fd = -1;  // read end: gnuplot's stdout and stderr
    std::unique_ptr<Gnuplot> gp;
    std::thread reader;
    std::atomic<bool> stop_reader{false};

    std::mutex mutex;
    std::condition_variable changed;
    std::string output;   // what gnuplot printed and nobody consumed yet
    bool output_ended = false;

    unsigned long sequence = 0;
    bool dead = false;
    std::string death;    // why the process is gone, once dead

    void read_loop() {
        char chunk[4096];
        while (!stop_reader.load()) {
            struct pollfd p = {output_fd, POLLIN, 0};
            int ready = ::poll(&p, 1, 100);
            if (ready < 0 && errno == EINTR) continue;
            if (ready <= 0) continue;
            ssize_t n = ::read(output_fd, chunk, sizeof chunk);
            if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
            std::lock_guard<std::mutex> lock(mutex);
            if (n <= 0) {
                output_ended = true;
                changed.notify_all();
                return;
            }
            output.append(chunk, static_cast<size_t>(n));
            changed.notify_all();
        }
    }

    /// Reaps the child (waiting up to `grace` seconds, then SIGKILL) and records why it ended.
    void reap(double grace) {
        if (pid <= 0) return;
        int status = 0;
        auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(grace);
        for (;;) {
            pid_t r = ::waitpid(pid, &status, WNOHANG);
            if (r == pid) break;
            if (r < 0 && errno != EINTR) { status = -1; break; }
            if (std::chrono::steady_clock::now() >= deadline) {
                ::kill(pid, SIGKILL);
                while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        if (death.empty()) {
            death = "gnuplot (pid " + std::to_string(pid) + ") " +
                    (status == -1 ? std::string("could not be waited for") : describe_wait_status(status));
        }
        pid = -1;
    }

    /// Marks the session dead after a failed write or an early end of output.
    std::string die(const std::string &pending) {
        if (!dead) {
            dead = true;
            {
                std::unique_lock<std::mutex> lock(mutex);
                changed.wait_for(lock, std::chrono::milliseconds(500), [&] { return output_ended; });
            }
            reap(1.0);
        }
        std::string text = death;
        std::lock_guard<std::mutex> lock(mutex);
        std::string said = pending + output;
        output.clear();
        // Only what gnuplot printed besides blank lines is worth showing.
        const size_t first = said.find_first_not_of(" \t\r\n");
        if (first != std::string::npos) {
            const size_t last = said.find_last_not_of(" \t\r\n");
            text += "; it printed:\n" + said.substr(first, last - first + 1);
        }
        return text;
    }

    /// Appends the batch marker, flushes, and waits for gnuplot to reach it.
    void finish_batch(double timeout, r3gp_reply *reply) {
        unsigned long seq = ++sequence;
        std::string tag = "__R3GP_SYNC_" + std::to_string(seq) + "_";
        *gp << "\nprinterr sprintf(\"" << tag << "%d__\", GPVAL_ERRNO)\nreset errors\n";
        gp->flush();
        if (!gp->good()) {
            set_reply(reply, R3GP_DIED, die(""));
            return;
        }
        std::unique_lock<std::mutex> lock(mutex);
        auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout);
        size_t at = std::string::npos, close = std::string::npos;
        bool in_time = changed.wait_until(lock, deadline, [&] {
            find_marker(tag, at, close);
            return close != std::string::npos || output_ended;
        });
        if (close == std::string::npos) {
            if (!in_time) {
                std::string said = output;
                output.clear();
                lock.unlock();
                ::kill(pid, SIGKILL);
                death = "gnuplot (pid " + std::to_string(pid) + ") did not answer within " +
                        std::to_string(static_cast<long>(timeout)) + " s and was killed";
                set_reply(reply, R3GP_TIMEOUT, die(said));
                return;
            }
            lock.unlock();
            set_reply(reply, R3GP_DIED, die(""));
            return;
        }
        size_t number = at + tag.size();
        int errno_value = std::atoi(output.substr(number, close - number).c_str());
        std::string said = output.substr(0, at);
        size_t consumed = close + 2;
        if (consumed < output.size() && output[consumed] == '\n') consumed += 1;
        output.erase(0, consumed);
        set_reply(reply, errno_value == 0 ? R3GP_OK : R3GP_GNUPLOT_ERROR, said);
    }

    /// Finds `tag` followed by an integer and "__" (what the marker prints, not its echo).
    /// Sets `at` to the tag and `close` to the closing "__", or `close` to npos.
    void find_marker(const std::string &tag, size_t &at, size_t &close) const {
        close = std::string::npos;
        for (size_t from = 0; (at = output.find(tag, from)) != std::string::npos; from = at + 1) {
            size_t i = at + tag.size();
            if (i < output.size() && output[i] == '-') ++i;
            size_t digits = i;
            while (i < output.size() && output[i] >= '0' && output[i] <= '9') ++i;
            if (i > digits && output.compare(i, 2, "__") == 0) {
                close = i;
                return;
            }
        }
    }

    bool check_alive(r3gp_reply *reply) {
        if (!dead) return true;
        set_reply(reply, R3GP_DIED, death);
        return false;
    }

    void shutdown() {
        gp.reset();  // flushes and closes gnuplot's stdin: it exits on end of input
        if (pid > 0) reap(2.0);
        stop_reader.store(true);
        if (reader.joinable()) reader.join();
        if (output_fd >= 0) ::close(output_fd);
        output_fd = -1;
    }
};

extern "C" r3gp_session *r3gp_open(const char *executable, double timeout_seconds, char *message,
                                   size_t capacity) {
    int input[2] = {-1, -1};
    int output[2] = {-1, -1};
    r3gp_session *session = nullptr;
    try {
        ignore_sigpipe_once();
        if (executable == nullptr || executable[0] == '\0') {
            copy_message(message, capacity, "no gnuplot executable given");
            return nullptr;
        }
        if (::pipe2(input, O_CLOEXEC) != 0 || ::pipe2(output, O_CLOEXEC) != 0) {
            std::string why = std::strerror(errno);
            for (int fd : {input[0], input[1], output[0], output[1]}) if (fd >= 0) ::close(fd);
            copy_message(message, capacity, "cannot create pipes for gnuplot: " + why);
            return nullptr;
        }
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, input[0], 0);
        posix_spawn_file_actions_adddup2(&actions, output[1], 1);
        posix_spawn_file_actions_adddup2(&actions, output[1], 2);
        posix_spawnattr_t attributes;
        posix_spawnattr_init(&attributes);
        sigset_t defaults, empty;
        sigemptyset(&defaults);
        sigaddset(&defaults, SIGPIPE);
        sigaddset(&defaults, SIGINT);
        sigemptyset(&empty);
        posix_spawnattr_setsigdefault(&attributes, &defaults);
        posix_spawnattr_setsigmask(&attributes, &empty);
        posix_spawnattr_setpgroup(&attributes, 0);  // Ctrl-C in the REPL must not kill gnuplot
        posix_spawnattr_setflags(&attributes,
                                 POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP);
        char *argv[] = {const_cast<char *>("gnuplot"), nullptr};
        pid_t pid = -1;
        int spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ);
        posix_spawn_file_actions_destroy(&actions);
        posix_spawnattr_destroy(&attributes);
        ::close(input[0]);
        ::close(output[1]);
        if (spawned != 0) {
            ::close(input[1]);
            ::close(output[0]);
            copy_message(message, capacity,
                         std::string("cannot start ") + executable + ": " + std::strerror(spawned));
            return nullptr;
        }
        session = new r3gp_session();
        session->pid = pid;
        session->output_fd = output[0];
        FILE *stdin_file = ::fdopen(input[1], "w");
        if (stdin_file == nullptr) {
            ::close(input[1]);
            session->shutdown();
            delete session;
            copy_message(message, capacity, "cannot open gnuplot's input stream");
            return nullptr;
        }
        session->gp.reset(new Gnuplot(stdin_file));
        session->reader = std::thread([session] { session->read_loop(); });
        r3gp_reply reply = {0, nullptr};
        session->finish_batch(timeout_seconds, &reply);
        if (reply.status != R3GP_OK) {
            std::string text = reply.text ? reply.text : "";
            std::free(reply.text);
            session->shutdown();
            delete session;
            copy_message(message, capacity,
                         std::string(executable) + " did not start as gnuplot 5.2 or newer: " + text);
            return nullptr;
        }
        std::free(reply.text);
        return session;
    } catch (const std::exception &e) {
        copy_message(message, capacity, std::string("cannot start gnuplot: ") + e.what());
    } catch (...) {
        copy_message(message, capacity, "cannot start gnuplot: unknown exception");
    }
    if (session != nullptr) {
        try { session->shutdown(); } catch (...) {}
        delete session;
    }
    return nullptr;
}

extern "C" int r3gp_pid(const r3gp_session *session) {
    return session == nullptr ? -1 : static_cast<int>(session->pid);
}

extern "C" void r3gp_command(r3gp_session *session, const char *commands, double timeout_seconds,
                             r3gp_reply *reply) {
    if (reply != nullptr) { reply->status = R3GP_INTERNAL; reply->text = nullptr; }
    try {
        if (session == nullptr || commands == nullptr) {
            set_reply(reply, R3GP_INTERNAL, "r3gp_command: no session or no commands");
            return;
        }
        if (!session->check_alive(reply)) return;
        *session->gp << commands;
        session->finish_batch(timeout_seconds, reply);
    } catch (const std::exception &e) {
        set_reply(reply, R3GP_INTERNAL, std::string("gnuplot command failed: ") + e.what());
    } catch (...) {
        set_reply(reply, R3GP_INTERNAL, "gnuplot command failed: unknown exception");
    }
}

extern "C" void r3gp_plot(r3gp_session *session, const char *prologue, size_t count,
                          const r3gp_columns *columns, const char *const *clauses,
                          const char *epilogue, double timeout_seconds, r3gp_reply *reply) {
    if (reply != nullptr) { reply->status = R3GP_INTERNAL; reply->text = nullptr; }
    try {
        if (session == nullptr || count == 0 || columns == nullptr || clauses == nullptr) {
            set_reply(reply, R3GP_INTERNAL, "r3gp_plot: no session or no data blocks");
            return;
        }
        for (size_t k = 0; k < count; ++k) {
            if (columns[k].count == 0 || columns[k].x == nullptr || columns[k].y == nullptr) {
                set_reply(reply, R3GP_INTERNAL, "r3gp_plot: data block " + std::to_string(k) + " is empty");
                return;
            }
        }
        if (!session->check_alive(reply)) return;
        Gnuplot &gp = *session->gp;
        if (prologue != nullptr) gp << prologue << "\n";
        gp << "plot";
        for (size_t k = 0; k < count; ++k) {
            const r3gp_columns &c = columns[k];
            auto block = std::make_pair(ColumnSpan{c.x, c.x + c.count}, ColumnSpan{c.y, c.y + c.count});
            gp << (k == 0 ? " " : ", ") << "'-' binary" << gp.binFmt1d(block, "record")
               << (clauses[k] ? clauses[k] : "");
        }
        gp << "\n";
        for (size_t k = 0; k < count && gp.good(); ++k) {
            const r3gp_columns &c = columns[k];
            gp.sendBinary1d(std::make_pair(ColumnSpan{c.x, c.x + c.count}, ColumnSpan{c.y, c.y + c.count}));
        }
        if (epilogue != nullptr) gp << epilogue;
        session->finish_batch(timeout_seconds, reply);
    } catch (const std::exception &e) {
        set_reply(reply, R3GP_INTERNAL, std::string("gnuplot plot failed: ") + e.what());
    } catch (...) {
        set_reply(reply, R3GP_INTERNAL, "gnuplot plot failed: unknown exception");
    }
}

extern "C" void r3gp_close(r3gp_session *session) {
    if (session == nullptr) return;
    try { session->shutdown(); } catch (...) {}
    try { delete session; } catch (...) {}
}

extern "C" void r3gp_free(char *text) { std::free(text); }
