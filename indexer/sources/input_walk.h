// Command-line inputs (files and folders) -> the list of files to read.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace hemeroteca::indexer {

enum class InputKind { html, jsonl };

struct Input {
    std::filesystem::path path;
    InputKind kind;
};

// The kind of a file from its name, false when it is not one we read.
bool input_kind(const std::filesystem::path& path, InputKind& kind);

// Expands folders recursively (in a stable, sorted order; hidden entries
// skipped). A file named explicitly that we cannot read is reported through
// `on_error`; files of other types inside folders are ignored.
std::vector<Input>
walk_inputs(const std::vector<std::string>& args,
            const std::function<void(const std::string& path, const std::string& reason)>& on_error);

} // namespace hemeroteca::indexer
