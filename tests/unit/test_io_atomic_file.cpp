// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/atomic_file.hpp"
#include "support.hpp"

#include <csignal>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace werkstatt;
using werkstatt::test::Failure;
using werkstatt::test::failure_of;
using werkstatt::test::read_text;
using werkstatt::test::TempDir;
using werkstatt::test::write_text;

namespace {

// The names in `dir`, one a line, sorted: what a failed write leaves behind.
std::string names_in(const std::filesystem::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    std::string out;
    for (const auto& n : names) {
        out += n + "\n";
    }
    return out;
}

unsigned mode_of(const std::filesystem::path& path) {
    struct stat st {};
    REQUIRE(::lstat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

// Limits the size of files this process may write (RLIMIT_FSIZE) while it lives, so that a
// write() past `bytes` fails with EFBIG as a full disk fails with ENOSPC; SIGXFSZ is ignored so
// that the failure comes back as an error, not as the end of the process.
class FileSizeLimit {
  public:
    explicit FileSizeLimit(rlim_t bytes) {
        REQUIRE(::getrlimit(RLIMIT_FSIZE, &m_old) == 0);
        m_handler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = m_old;
        limit.rlim_cur = bytes;
        REQUIRE(::setrlimit(RLIMIT_FSIZE, &limit) == 0);
    }
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_handler);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

  private:
    rlimit m_old{};
    void (*m_handler)(int) = nullptr;
};

} // namespace

TEST_CASE("io::write_file_atomically writes the whole file and leaves nothing else", "[io]") {
    TempDir dir;
    const auto target = dir.file("report.csv");
    write_file_atomically(target, "a,b\r\n1,2\r\n", FileMode::private_to_owner);
    CHECK(read_text(target) == "a,b\r\n1,2\r\n");
    CHECK(mode_of(target) == 0600);
    CHECK(names_in(dir.path()) == "report.csv\n");
}

TEST_CASE("io::write_file_atomically gives personal data 0600 whatever the old file had", "[io]") {
    TempDir dir;
    const auto target = dir.file("rejects.csv");
    write_text(target, "old");
    ::chmod(target.c_str(), 0666);
    write_file_atomically(target, "new", FileMode::private_to_owner);
    CHECK(read_text(target) == "new");
    CHECK(mode_of(target) == 0600);
}

TEST_CASE("io::write_file_atomically gives a shared file 0644 less the umask", "[io]") {
    TempDir dir;
    const auto target = dir.file("plan.ics");
    const auto old_mask = ::umask(022);
    write_file_atomically(target, "x", FileMode::shared);
    ::umask(077);
    write_file_atomically(dir.file("private.ics"), "x", FileMode::shared);
    ::umask(old_mask);
    CHECK(mode_of(target) == 0644);
    CHECK(mode_of(dir.file("private.ics")) == 0600);
}

TEST_CASE("io::write_file_atomically replaces a link at the target, never the file behind it",
          "[io]") {
    TempDir dir;
    const auto victim = dir.file("victim.txt");
    write_text(victim, "keep me");
    ::chmod(victim.c_str(), 0644);
    const auto target = dir.file("rej.csv");
    std::filesystem::create_symlink(victim, target);
    // The name the old importer wrote through, planted as well.
    std::filesystem::create_symlink(victim, dir.file("rej.csv.part"));
    write_file_atomically(target, "personal data", FileMode::private_to_owner);
    CHECK(read_text(victim) == "keep me");
    CHECK(mode_of(victim) == 0644);
    CHECK_FALSE(std::filesystem::is_symlink(target));
    CHECK(read_text(target) == "personal data");
    CHECK(mode_of(target) == 0600);
    CHECK(names_in(dir.path()) == "rej.csv\nrej.csv.part\nvictim.txt\n");
}

TEST_CASE("io::write_file_atomically breaks a hard link: the other name keeps the old content",
          "[io]") {
    TempDir dir;
    const auto target = dir.file("out.csv");
    write_text(target, "old");
    std::filesystem::create_hard_link(target, dir.file("other.csv"));
    write_file_atomically(target, "new", FileMode::shared);
    CHECK(read_text(target) == "new");
    CHECK(read_text(dir.file("other.csv")) == "old");
}

TEST_CASE("io::write_file_atomically refuses a folder or a device as the target", "[io]") {
    TempDir dir;
    std::filesystem::create_directory(dir.file("sub"));
    const auto folder = failure_of(
        [&] { write_file_atomically(dir.file("sub"), "x", FileMode::private_to_owner); });
    CHECK(folder.kind == ErrorKind::output);
    CHECK_THAT(folder.message, Catch::Contains("is not a regular file"));
    std::filesystem::create_symlink("/dev/null", dir.file("null"));
    const auto device = failure_of(
        [&] { write_file_atomically(dir.file("null"), "x", FileMode::private_to_owner); });
    CHECK(device.kind == ErrorKind::output);
    CHECK(std::filesystem::is_symlink(dir.file("null")));
    CHECK(names_in(dir.path()) == "null\nsub\n");
}

TEST_CASE("io::write_file_atomically refuses a link into /proc even to a regular file", "[io]") {
    // /dev/stdout -> /proc/self/fd/1 is such a link when standard output goes to a file: the
    // rename would replace the system's link. A link of the test's own stands in for it.
    TempDir dir;
    write_text(dir.file("redirected.txt"), "kept");
    const int fd = ::open(dir.file("redirected.txt").c_str(), O_RDONLY | O_CLOEXEC);
    REQUIRE(fd >= 0);
    const auto link = dir.file("stdout");
    std::filesystem::create_symlink("/proc/self/fd/" + std::to_string(fd), link);
    const auto f = failure_of(
        [&] { write_file_atomically(link, "personal data", FileMode::private_to_owner); });
    ::close(fd);
    CHECK(f.kind == ErrorKind::output);
    CHECK_THAT(f.message, Catch::Contains("a link into /dev or /proc"));
    CHECK(std::filesystem::is_symlink(link));
    CHECK(read_text(dir.file("redirected.txt")) == "kept");
    CHECK(names_in(dir.path()) == "redirected.txt\nstdout\n");
    const auto direct = failure_of(
        [&] { write_file_atomically("/proc/self/fd/0", "x", FileMode::private_to_owner); });
    CHECK(direct.kind == ErrorKind::output); // a link into /proc, or not a regular file at all
    CHECK_THAT(direct.message, Catch::Contains("cannot write /proc/self/fd/0: it is"));
}

TEST_CASE("io::write_file_atomically names the file and the reason when the folder is missing",
          "[io]") {
    TempDir dir;
    const auto target = dir.file("missing/out.csv");
    const auto f =
        failure_of([&] { write_file_atomically(target, "x", FileMode::private_to_owner); });
    CHECK(f.kind == ErrorKind::output);
    CHECK_THAT(f.message,
               Catch::Contains(target.string()) && Catch::Contains("No such file or directory"));
}

TEST_CASE("io::AtomicFile keeps the old file and removes the temporary when a write fails",
          "[io]") {
    TempDir dir;
    const auto target = dir.file("rejects.csv");
    write_text(target, "the previous rejects\n");
    const std::string chunk(4096, 'x');
    Failure f;
    {
        const FileSizeLimit limit(10000);
        f = failure_of([&] {
            AtomicFile file(target, FileMode::private_to_owner);
            for (int i = 0; i < 10; ++i) {
                file.write(chunk);
            }
            file.commit();
        });
    }
    CHECK(f.kind == ErrorKind::output);
    CHECK_THAT(f.message, Catch::Contains(target.string()) && Catch::Contains("File too large") &&
                              !Catch::Contains("Success"));
    CHECK(read_text(target) == "the previous rejects\n");
    CHECK(names_in(dir.path()) == "rejects.csv\n");
}

TEST_CASE("io::AtomicFile removes the temporary when it goes without commit", "[io]") {
    TempDir dir;
    const auto target = dir.file("rejects.csv");
    {
        AtomicFile file(target, FileMode::private_to_owner);
        file.write("half");
    }
    CHECK(names_in(dir.path()) == "");
}

// Run `write` in a child process that has the signal handlers; `write` raises a signal while a
// file is half written. Return how the child ended (the wait status).
int killed_while_writing(const std::function<void()>& write) {
    const pid_t child = ::fork();
    if (child == 0) {
        remove_temporaries_on_signals();
        write();
        ::_exit(0); // not reached: `write` raises the signal
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    return status;
}

// SIGKILL runs no handler: only a temporary without a name (O_TMPFILE) leaves nothing behind.
// The kill loop (tests/cli/test_kill_loop.sh) found `.rejects.csv.XXXXXXXXXXXX` left by an
// import killed while it wrote its rejects file, and still there after the rerun.
TEST_CASE("io::AtomicFile leaves nothing in the folder when SIGKILL ends werkstatt midway",
          "[io]") {
    TempDir dir;
    const auto target = dir.file("rejects.csv");
    write_text(target, "old");
    const int status = killed_while_writing([&] {
        AtomicFile file(target, FileMode::private_to_owner);
        file.write("half of the rows");
        ::raise(SIGKILL);
    });
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGKILL);
    CHECK(names_in(dir.path()) == "rejects.csv\n");
    CHECK(read_text(target) == "old");
}

TEST_CASE("io::AtomicFile's temporary goes when a signal ends werkstatt midway", "[io]") {
    TempDir dir;
    const auto target = dir.file("rejects.csv");
    write_text(target, "old");
    for (const int sig : {SIGINT, SIGTERM, SIGHUP}) {
        const int status = killed_while_writing([&] {
            AtomicFile file(target, FileMode::private_to_owner);
            file.write("half of the rows");
            ::raise(sig);
        });
        CHECK(WIFSIGNALED(status));
        CHECK(WTERMSIG(status) == sig); // the signal still ends the process as it would have
        CHECK(names_in(dir.path()) == "rejects.csv\n");
        CHECK(read_text(target) == "old");
    }
    const int status = killed_while_writing([&] {
        write_file_atomically_via(target, FileMode::shared, [](const std::filesystem::path& temp) {
            write_text(temp, "half a book");
            ::raise(SIGINT);
        });
    });
    CHECK(WIFSIGNALED(status));
    CHECK(names_in(dir.path()) == "rejects.csv\n");
}

TEST_CASE("io::write_file_atomically_via renames what the writer made and cleans up", "[io]") {
    TempDir dir;
    const auto target = dir.file("report.xlsx");
    write_file_atomically_via(target, FileMode::private_to_owner,
                              [](const std::filesystem::path& temp) { write_text(temp, "book"); });
    CHECK(read_text(target) == "book");
    CHECK(mode_of(target) == 0600);
    CHECK(names_in(dir.path()) == "report.xlsx\n");

    write_text(target, "old book");
    const auto f = failure_of([&] {
        write_file_atomically_via(target, FileMode::shared, [](const std::filesystem::path& temp) {
            write_text(temp, "part");
            throw Error(ErrorKind::output, "the writer failed");
        });
    });
    CHECK(f.message == "the writer failed");
    CHECK(read_text(target) == "old book");
    CHECK(names_in(dir.path()) == "report.xlsx\n");
}

TEST_CASE("io::write_file_atomically_via gives the writer a folder nobody else can enter", "[io]") {
    TempDir dir;
    unsigned folder_mode = 0;
    write_file_atomically_via(dir.file("r.xlsx"), FileMode::shared,
                              [&](const std::filesystem::path& temp) {
                                  folder_mode = mode_of(temp.parent_path());
                                  CHECK(temp.parent_path().parent_path() == dir.path());
                                  write_text(temp, "x");
                              });
    CHECK(folder_mode == 0700);
}
