#pragma once
// Runs the segdash executable as a child process, for CLI and crash tests.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern char **environ;

namespace segdash::test {

struct ProcessResult {
    int exitCode = -1;   // -1 when killed by a signal
    int signal = 0;
    std::string out;
    std::string err;
};

class Process {
public:
    Process(const std::vector<std::string> &args, const std::string &outFile, const std::string &errFile) {
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_addopen(&actions, 2, errFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        std::vector<char *> argv;
        for (const auto &a : args) argv.push_back(const_cast<char *>(a.c_str()));
        argv.push_back(nullptr);
        m_ok = posix_spawn(&m_pid, argv[0], &actions, nullptr, argv.data(), environ) == 0;
        posix_spawn_file_actions_destroy(&actions);
        m_out = outFile;
        m_err = errFile;
    }
    bool started() const { return m_ok; }
    void signal(int sig) { ::kill(m_pid, sig); }
    ProcessResult wait() {
        ProcessResult r;
        int status = 0;
        waitpid(m_pid, &status, 0);
        if (WIFEXITED(status)) r.exitCode = WEXITSTATUS(status);
        if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
        r.out = slurp(m_out);
        r.err = slurp(m_err);
        return r;
    }
    static std::string slurp(const std::string &path) {
        std::ifstream in(path);
        std::stringstream ss;
        ss << in.rdbuf();
        return ss.str();
    }

private:
    pid_t m_pid = 0;
    bool m_ok = false;
    std::string m_out, m_err;
};

} // namespace segdash::test
