"""Command line: thin click commands, each calling one function.

Exceptions for people (SitegenError) become exit status 1 here, at the boundary;
click's usage errors are exit status 2.
"""

from __future__ import annotations

import atexit
import gc
import sys
from pathlib import Path

import click

from .core.errors import ContentError, SitegenError, visible

# The interpreter's last collection, at exit, walks every object still alive: after a build the model
# and its tables (docs/performance.md). Nothing needs collecting when the process ends.
atexit.register(gc.freeze)

SITE_OPTION = click.option(
    "--site", "site", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="The site folder (default: the current directory).",
)


def _site(site: Path | None) -> Path:
    return (site or Path.cwd()).resolve()


FORMAT_OPTION = click.option(
    "--format", "style", type=click.Choice(["text", "github"]), default=None,
    help="How to report problems: text (default) or github (annotations on the file and line in CI).",
)


def _base_url(ctx, param, value: str | None) -> str | None:
    from .core.urls import EXPECTED, is_base_url

    if value is not None and not is_base_url(value):
        raise click.BadParameter(f"{value!r}: expected {EXPECTED}, e.g. https://example.gov.cn/tasks/")
    return value


def _fail(error: SitegenError, style: str | None) -> None:
    message = error.report(style or "text") if isinstance(error, ContentError) else visible(str(error))
    click.echo(message, err=True)
    sys.exit(error.exit_code)


class Group(click.Group):
    """Turns SitegenError into exit status 1 with the message and no traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except SitegenError as error:
            _fail(error, ctx.meta.get("style"))
        except KeyboardInterrupt as error:  # Ctrl+C; sitegen serve: also SIGTERM and SIGHUP (serve.Stopped)
            click.echo(f"stopped ({error})" if str(error) else "interrupted", err=True)
            sys.exit(130)


# Help is read in a terminal: lines up to 100 columns, and the command list shows each summary whole.
CONTEXT = {"max_content_width": 100, "help_option_names": ["-h", "--help"]}


@click.group(cls=Group, context_settings=CONTEXT)
@click.version_option(package_name="sitegen")
def main():
    """Publish government task allocations (政府工作报告 分工方案) as a static site.

    \b
    A first site, step by step:
      sitegen init mysite && cd mysite
      sitegen import ~/notice.txt
      sitegen serve
    """


@main.command(short_help="Create a new empty site in DIRECTORY.")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def init(directory: Path):
    """Create a new empty site in DIRECTORY: site.yaml, a content/ folder and starter themes.

    \b
    Example:
      sitegen init mysite
    """
    from .scaffold import init_site, next_steps

    init_site(directory)
    click.echo(f"created a new site in {directory}")
    click.echo(next_steps(directory))


@main.command(short_help="Validate the content; write nothing.")
@SITE_OPTION
@click.option("--strict", is_flag=True, default=None, help="Treat warnings as errors.")
@FORMAT_OPTION
@click.pass_context
def check(ctx, site, strict, style):
    """Validate the content and templates as a build would read them; write nothing. Every problem is
    reported with its file, line and a hint; the exit status is 1 when there is one.

    \b
    Examples:
      sitegen check --site mysite
      sitegen check --strict --format github     # in CI: annotations on the file and line
    """
    from .build import check_site

    ctx.find_root().meta["style"] = style
    click.echo(check_site(_site(site), strict=strict))


@main.command(name="build", short_help="Build the site into the output folder.")
@SITE_OPTION
@click.option("--output", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: output/ in the site).")
@click.option("--no-search", "no_search", is_flag=True, default=None, help="Skip the search index.")
@click.option("--strict", is_flag=True, default=None, help="Treat warnings as errors.")
@click.option("--as-of", "as_of", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Compute progress and overdue status as of this date (YYYY-MM-DD; default: as_of in "
                   "site.yaml, else the newest date in the content).")
@click.option("--base-url", "base_url", default=None, callback=_base_url,
              help="Override the site's base URL (http(s)://host/path/ or /path/).")
@click.option("--pdf", is_flag=True, default=None,
              help="Also write PDFs of the print pages and each unit's XLSX progress form.")
@click.option("--cache", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Reuse unchanged work from this cache folder.")
@click.option("--check-links", "check_links", is_flag=True, default=None,
              help="Fail when an internal link or anchor does not resolve.")
@click.option("--quiet", "-q", is_flag=True, default=False,
              help="Print nothing but warnings and errors (no stages, no summary).")
def build_site(site, output, no_search, strict, as_of, base_url, pdf, cache, check_links, quiet):
    """Build the site into the output folder (output/ in the site unless --output says). The previous
    site stays in place until the new one is complete. Each stage is shown on standard error: on a
    terminal as a line that counts up, otherwise one line per stage.

    \b
    Examples:
      sitegen build --site mysite
      sitegen build --output public --base-url https://example.org/tasks/ --check-links
      sitegen build --pdf        # also PDFs of the print pages and XLSX progress forms
    """
    from .build import BuildOptions, build
    from .core.stages import Stages

    options = BuildOptions(
        output=output, search=None if no_search is None else not no_search, strict=strict,
        as_of=as_of.date() if as_of else None, base_url=base_url, pdf=pdf, cache=cache,
        check_links=check_links, stages=Stages(quiet=quiet),
    )
    result = build(_site(site), options)
    if quiet:
        for warning in result.warnings:
            click.echo(warning.format(), err=True)
    else:
        click.echo(result.summary())


@main.command(short_help="Preview the site with live reload; rebuild on changes.")
@SITE_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="The port to listen on.")
@click.option("--no-search", "no_search", is_flag=True, default=None,
              help="Skip the search index (faster rebuilds; the search page finds nothing).")
def serve(site, host, port, no_search):
    """Build the site into a temporary folder, serve it, and rebuild when content, configuration or
    theme files change; pages reload by themselves. A build error is shown on every page until it is
    fixed. Ctrl+C (or SIGTERM, SIGHUP) stops it and removes the temporary folder.

    \b
    Examples:
      sitegen serve --site mysite
      sitegen serve --port 8001 --no-search
    """
    from .serve.serve import serve as run_serve

    run_serve(_site(site), host=host, port=port, search=None if no_search is None else not no_search)


@main.command(name="import", short_help="Turn a notice as published into content files and a review report.")
@click.argument("notice", type=str)
@SITE_OPTION
@click.option("--force", is_flag=True, default=False, help="Overwrite an existing notice.")
@click.option("--jurisdiction", default=None,
              help="The issuing government's id or name (桐庐县), instead of inferring it.")
@click.option("--parent", default=None,
              help="The parent government (id or name) of a government new to the site.")
@click.option("--source-url", "source_url", default=None, help="Where the notice is published (its source_url).")
def import_(notice, site, force, jurisdiction, parent, source_url):
    """Turn a notice as published (text, saved web page, Word, PDF or spreadsheet file; - for standard
    input) into content/notices/<id>.yaml and a review report (<id>.review.md) listing what the
    importer was unsure of. The file itself is kept in content/sources/.

    \b
    Examples:
      sitegen import notice.txt
      sitegen import 分工方案.docx --source-url http://www.example.gov.cn/art/2019/3/1/art_1.html
      sitegen import notice.pdf --jurisdiction 桐庐县 --parent 杭州市
      cat notice.txt | sitegen import - --force
    """
    from .importer import import_notice

    result = import_notice(notice, _site(site), force=force, jurisdiction=jurisdiction, parent=parent,
                           source_url=source_url)
    click.echo(result.report_text)


@main.group(short_help="Progress updates: forms for units, and importing what they report.")
def progress():
    """Progress updates: write a unit's XLSX form, then import the filled-in form.

    \b
    Example:
      sitegen progress form huzhou/shi-fa-gai-wei
      sitegen progress import huzhou-shi-fa-gai-wei-form.xlsx
    """


@progress.command(name="import", short_help="Import progress updates from a CSV or XLSX file.")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@SITE_OPTION
def progress_import(file, site):
    """Import progress updates from a CSV or XLSX file (a filled-in progress form) into
    content/progress/<notice-id>.yaml. See docs/progress.md for the columns.

    \b
    Example:
      sitegen progress import huzhou-shi-fa-gai-wei-form.xlsx --site mysite
    """
    from .progress.progress import import_progress

    click.echo(import_progress(_site(site), file).summary())


@progress.command(name="form", short_help="Write a unit's XLSX progress form.")
@click.argument("unit_id", metavar="UNIT_ID")
@SITE_OPTION
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The XLSX file to write (default: <jurisdiction>-<unit>-form.xlsx here).")
def progress_form(unit_id, site, output):
    """Write a unit's XLSX progress form, listing its tasks to report on; UNIT_ID is
    <jurisdiction-id>/<unit-id>, as in output/data/units.json.

    \b
    Example:
      sitegen progress form huzhou/shi-fa-gai-wei --output form.xlsx
    """
    from .progress.pdf import form_for_unit

    path, unit = form_for_unit(_site(site), unit_id, output)
    click.echo(f"wrote the progress form of {unit.jurisdiction.name}{unit.name} ({len(unit.tasks)} tasks) to {path}")
    click.echo(f"fill it in, then: sitegen progress import {path.name}")

if __name__ == "__main__":
    main()
