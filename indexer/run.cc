#include "run.h"

#include "analysis/analyzer.h"
#include "article_json.h"
#include "extract/extraction_json.h"
#include "pipeline/index_writer.h"
#include "pipeline/summary.h"
#include "sources/html_file.h"
#include "sources/input_walk.h"
#include "sources/jsonl_file.h"
#include "sources/read_file.h"

#include <cstdio>
#include <functional>
#include <iostream>
#include <memory>

namespace hemeroteca::indexer {

namespace {

// Where articles go: the database, or stdout for --dry-run.
using ArticleSink = std::function<void(const std::string& where, const Article&)>;

class Run {
public:
    Run(const IndexOptions& options, Reporter& reporter, ArticleSink sink) :
        options_(options), reporter_(reporter), sink_(std::move(sink)) {
        jsonl_.field_map = field_map(options);
        jsonl_.keep_non_articles = options.keep_non_articles;
    }

    void input(const Input& in) {
        const std::string where = in.path.string();
        try {
            if (in.kind == InputKind::html)
                html(in, where);
            else
                jsonl(in, where);
        } catch (const InputError& e) {
            reporter_.failed(where, e.what());
        }
    }

private:
    void html(const Input& in, const std::string& where) {
        extract::ExtractOptions eo;
        eo.url = options_.url;
        eo.keep_non_articles = options_.keep_non_articles;
        eo.explain = options_.explain;
        const extract::Extraction ex = read_html_file(in.path, eo);
        if (options_.dry_run && options_.json) {
            std::cout << dump_json(extract::to_json(ex, options_.explain)) << '\n';
            return;
        }
        if (!ex.is_article && !options_.keep_non_articles) {
            reporter_.skipped(where, "not an article: " + ex.reason);
            return;
        }
        if (!has_content(ex.article)) {
            reporter_.failed(where, "no article text found");
            return;
        }
        sink_(where, ex.article);
    }

    void jsonl(const Input& in, const std::string& where) {
        read_jsonl_file(
            in.path, jsonl_, [&](Article&& a) { sink_(where, a); },
            [&](std::size_t line, const std::string& reason) {
                reporter_.failed(where + ":" + std::to_string(line), reason);
            },
            [&](std::size_t line, const std::string& reason) {
                reporter_.skipped(where + ":" + std::to_string(line), reason);
            });
    }

    const IndexOptions& options_;
    Reporter& reporter_;
    ArticleSink sink_;
    JsonlOptions jsonl_;
};

void print_dry_run(const IndexOptions& options, const Article& a) {
    if (options.json) {
        std::cout << dump_json(to_json(a)) << '\n';
        return;
    }
    std::cout << a.origin << "\n  title:   " << a.title << "\n  date:    " << a.date
              << "\n  author:  " << a.author << "\n  section: " << a.section << "\n  source:  " << a.source
              << "\n  url:     " << a.url << "\n  lang:    " << a.lang << "\n  text:    " << a.text.size()
              << " bytes\n";
}

} // namespace

int run_index(const IndexOptions& options) {
    Reporter reporter(stderr, options.verbose, options.quiet);
    const auto inputs = walk_inputs(options.inputs, [&](const std::string& path, const std::string& reason) {
        reporter.failed(path, reason);
    });

    std::unique_ptr<IndexWriter> writer;
    const analysis::Analyzer analyzer;
    if (!options.dry_run) writer = std::make_unique<IndexWriter>(options.db, analyzer, options.commit_every);

    ArticleSink sink = [&](const std::string& where, const Article& a) {
        if (options.dry_run)
            print_dry_run(options, a);
        else
            reporter.written(where, writer->write(a));
    };
    Run run(options, reporter, sink);
    for (const auto& in : inputs) run.input(in);

    if (writer) {
        writer->finish();
        reporter.summary(writer->doc_count());
    }
    return reporter.counts().failed > 0 ? exit_some_failed : exit_ok;
}

} // namespace hemeroteca::indexer
