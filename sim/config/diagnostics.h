#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace invalsim::config {

// One problem found in an input file, located by a JSON pointer.
struct Diagnostic {
    std::string file;
    std::string pointer;  // "/caches/l1d/ways"; "" for the whole document
    std::string message;
    std::string origin;   // "--set caches.l1d.ways=0" when the value came from the command line
};

std::string to_string(const Diagnostic& d);

// Thrown when an input is invalid. Carries every problem found, so a user
// fixes them all in one round; the CLI prints them and exits with status 2.
class InputError : public std::runtime_error {
public:
    explicit InputError(std::vector<Diagnostic> diagnostics);
    const std::vector<Diagnostic>& diagnostics() const { return m_diagnostics; }

private:
    std::vector<Diagnostic> m_diagnostics;
};

// Collects diagnostics for one input file while it is read.
class Diagnostics {
public:
    explicit Diagnostics(std::string file) : m_file(std::move(file)) {}

    const std::string& file() const { return m_file; }
    void error(const std::string& pointer, const std::string& message);
    // Values set from the command line, by JSON pointer, so their errors say so.
    void note_origin(const std::string& pointer, const std::string& origin);

    bool empty() const { return m_list.empty(); }
    std::size_t count() const { return m_list.size(); }
    // Throws InputError when anything was reported.
    void throw_if_any() const;

private:
    std::string m_file;
    std::vector<Diagnostic> m_list;
    std::map<std::string, std::string> m_origins;
};

// JSON pointer of a child: escapes '~' and '/' as RFC 6901 asks.
std::string child_pointer(const std::string& parent, const std::string& key);
std::string child_pointer(const std::string& parent, std::size_t index);

// The candidate closest to `word` by edit distance, or "" when none is
// plausibly a typo of it.
std::string closest(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace invalsim::config
