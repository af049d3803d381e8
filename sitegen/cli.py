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

from .errors import ContentError, SitegenError

# The interpreter's last collection, at exit, walks every object still alive: after a build the model
# and its tables (about 9 s at 100,000 tasks). Nothing needs collecting when the process ends.
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


def _fail(error: SitegenError, style: str | None) -> None:
    message = error.report(style or "text") if isinstance(error, ContentError) else str(error)
    click.echo(message, err=True)
    sys.exit(error.exit_code)


class Group(click.Group):
    """Turns SitegenError into exit status 1 with the message and no traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except SitegenError as error:
            _fail(error, ctx.meta.get("style"))
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)


@click.group(cls=Group)
@click.version_option(package_name="sitegen")
def main():
    """Publish government task allocations as a static site."""


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def init(directory: Path):
    """Create a new empty site in DIRECTORY."""
    from .scaffold import init_site

    init_site(directory)
    click.echo(f"created a new site in {directory}")


@main.command()
@SITE_OPTION
@click.option("--strict", is_flag=True, default=None, help="Treat warnings as errors.")
@FORMAT_OPTION
@click.pass_context
def check(ctx, site, strict, style):
    """Validate the content; write nothing."""
    from .build import check_site

    ctx.find_root().meta["style"] = style
    click.echo(check_site(_site(site), strict=strict))


@main.command()
@SITE_OPTION
@click.option("--output", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: output/ in the site).")
@click.option("--no-search", "no_search", is_flag=True, default=None, help="Skip the search index.")
@click.option("--strict", is_flag=True, default=None, help="Treat warnings as errors.")
@click.option("--as-of", "as_of", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Compute progress and overdue status as of this date (YYYY-MM-DD).")
@click.option("--base-url", "base_url", default=None, help="Override the site's base URL.")
@click.option("--pdf", is_flag=True, default=None, help="Also write PDFs of the print pages.")
@click.option("--cache", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Reuse unchanged work from this cache folder.")
@click.option("--check-links", "check_links", is_flag=True, default=None,
              help="Fail when an internal link or anchor does not resolve.")
def build(site, output, no_search, strict, as_of, base_url, pdf, cache, check_links):
    """Build the site into the output folder."""
    from .build import BuildOptions, build as run_build

    options = BuildOptions(
        output=output, search=None if no_search is None else not no_search, strict=strict,
        as_of=as_of.date() if as_of else None, base_url=base_url, pdf=pdf, cache=cache,
        check_links=check_links,
    )
    click.echo(run_build(_site(site), options).summary())


@main.command()
@SITE_OPTION
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--no-search", "no_search", is_flag=True, default=None, help="Skip the search index.")
def serve(site, host, port, no_search):
    """Build, serve with live reload, rebuild on changes."""
    from .serve import serve as run_serve

    run_serve(_site(site), host=host, port=port, search=None if no_search is None else not no_search)


@main.command(name="import")
@click.argument("notice", type=str)
@SITE_OPTION
@click.option("--force", is_flag=True, default=False, help="Overwrite an existing notice.")
@click.option("--jurisdiction", default=None,
              help="The issuing government's id or name (桐庐县), instead of inferring it.")
@click.option("--parent", default=None,
              help="The parent government (id or name) of a government new to the site.")
@click.option("--source-url", "source_url", default=None, help="Where the notice is published (its source_url).")
def import_(notice, site, force, jurisdiction, parent, source_url):
    """Turn a raw notice text (or - for standard input) into content files."""
    from .importer import import_notice

    result = import_notice(notice, _site(site), force=force, jurisdiction=jurisdiction, parent=parent,
                           source_url=source_url)
    click.echo(result.report_text)


@main.group()
def progress():
    """Progress updates."""


@progress.command(name="import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@SITE_OPTION
def progress_import(file, site):
    """Import progress updates from a CSV or XLSX file."""
    from .progress import import_progress

    click.echo(import_progress(_site(site), file).summary())


@progress.command(name="form")
@click.argument("unit_id", metavar="UNIT_ID")
@SITE_OPTION
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The XLSX file to write (default: <jurisdiction>-<unit>-form.xlsx here).")
def progress_form(unit_id, site, output):
    """Write a unit's XLSX progress form; UNIT_ID is <jurisdiction-id>/<unit-id>."""
    from .pdf import form_for_unit

    path, unit = form_for_unit(_site(site), unit_id, output)
    click.echo(f"wrote the progress form of {unit.jurisdiction.name}{unit.name} ({len(unit.tasks)} tasks) to {path}")
    click.echo(f"fill it in, then: sitegen progress import {path.name}")

if __name__ == "__main__":
    main()
