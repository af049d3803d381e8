"""Jinja, cheaper per call: the template environment sitegen renders with (render.environment).

A page is rendered from a few templates and some sixty macro and function calls, each writing small
pieces of text: over a large site's pages Jinja's fixed costs per render, per call and per output
weighed more than the templates' own work (docs/performance.md). Each class below removes one of them and
keeps Jinja's behaviour
(tests/test_render_env.py checks it against Jinja's own classes).

They lean on private parts of jinja2 and markupsafe, so both are pinned (==) in pyproject.toml and
tests/test_templating_canary.py fails, naming the pinned version, when an upgrade removes one.
SITEGEN_STOCK_JINJA=1 in the environment (read once, at import) turns them all off: environment_class()
is then jinja2.Environment and escape_html uses markupsafe's public escape. tests/test_golden.py builds
the golden site so and compares it with the golden output.
"""

from __future__ import annotations

import os
from typing import ClassVar

import jinja2
from markupsafe import Markup, escape

STOCK = os.environ.get("SITEGEN_STOCK_JINJA", "") not in ("", "0")  # the speed-ups off: stock Jinja and markupsafe

try:
    if STOCK:
        raise ImportError
    from markupsafe._speedups import _escape_inner as _escape_text  # markupsafe 3: text in, escaped text out
except ImportError:  # another markupsafe, or STOCK: its public escape, a Markup (still text)
    _escape_text = escape


class _Context(jinja2.runtime.Context):
    """Context.call, which templates make for every call (url(), memo(), each macro: ~60 a task
    page), with one attribute lookup instead of four: how a callable's class takes Jinja's state is
    looked up once per class. Plain callables and macros (which take the evaluation context) are
    called here; anything else marked pass_context or pass_environment as Jinja calls it."""

    _takes: ClassVar[dict] = {}  # type -> what its __call__ is marked to take (jinja_pass_arg), or None

    def call(__self, __obj, *args, **kwargs):  # Jinja's signature (kwargs may be named "self")
        try:
            takes = __self._takes[__obj.__class__]
        except KeyError:
            call = getattr(__obj.__class__, "__call__", None)  # noqa: B004 - its mark is read, not whether it is callable
            takes = __self._takes[__obj.__class__] = getattr(call, "jinja_pass_arg", None)
        if (takes is not None and takes is not _EVAL_CONTEXT) or hasattr(__obj, "jinja_pass_arg"):
            return super().call(__obj, *args, **kwargs)
        kwargs.pop("_block_vars", None)
        kwargs.pop("_loop_vars", None)
        try:
            return __obj(*args, **kwargs) if takes is None else __obj(__self.eval_ctx, *args, **kwargs)
        except StopIteration:  # as Jinja: a generator's end is no crash
            return __self.environment.undefined(
                "value was undefined because a callable raised a StopIteration exception")


# how a Macro's __call__ is marked (the decorator's mark is not part of its type)
_EVAL_CONTEXT = jinja2.pass_eval_context(lambda: None).jinja_pass_arg  # type: ignore[attr-defined]


def escape_html(value):
    """What a template's {{ ... }} outputs (and the search record's values): markupsafe's escape, without copying Markup
    (a memoised part, a macro's output) into a new Markup, nor wrapping text in one: the output
    is joined into a page or a macro's Markup anyway; it runs many times a page (docs/performance.md).
    Numbers and the empty output of an inline if are common too."""
    cls = value.__class__
    if cls is str:
        return _escape_text(value)
    if cls is Markup:
        return value
    if cls is int or cls is float:  # nothing to escape in digits, '-', '.', 'e', 'inf' or 'nan'
        return str(value)
    # an inline if without else; markupsafe asks it for __html__ first, a raised AttributeError
    if cls is jinja2.Undefined:
        return ""
    return escape(value)


class _Template(jinja2.Template):
    """A template whose output uses escape_html (compiled code looks `escape` up in its module's globals)."""

    @classmethod
    def from_code(cls, environment, code, globals, uptodate=None):
        template = super().from_code(environment, code, globals, uptodate)
        template.root_render_func.__globals__["escape"] = escape_html
        return template


class Environment(jinja2.Environment):
    """jinja2.Environment with _Context, _Template, and templates reading the environment's globals
    dict itself rather than Jinja's ChainMap over it.

    Jinja copies a template's globals into each render's context and, at every `{% import %}`,
    takes their keys' difference with the imported template's: over a ChainMap that is Python
    code (docs/performance.md); over a dict it is C
    (see pallets/jinja#2185).
    Never pass globals for one template (get_template(name, globals=...)): Jinja would add them
    to the map of a template already loaded, here the environment's own."""

    context_class = _Context
    template_class = _Template

    def make_globals(self, d):
        return self.globals if not d else super().make_globals(d)


def environment_class() -> type[jinja2.Environment]:
    """The class render.environment makes: Environment, or jinja2.Environment under SITEGEN_STOCK_JINJA=1."""
    return jinja2.Environment if STOCK else Environment
