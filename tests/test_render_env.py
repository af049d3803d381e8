"""The template environment's speed-ups (sitegen/render/templating.py) keep Jinja's behaviour: globals set late are
seen, globals given to one template stay in it; callables marked pass_context / pass_environment,
macros, call blocks, callable objects and StopIteration are treated as Jinja treats them; output is
escaped as markupsafe escapes it, never twice. Each test runs against the project's environment and against
a plain jinja2.Environment made the same way (SITEGEN_STOCK_JINJA's), so a test states Jinja's behaviour.
tests/test_templating_canary.py checks that the speed-ups are active at all."""

from __future__ import annotations

import jinja2
import pytest

from conftest import FIXTURES
from sitegen.render import render, templating
from sitegen.content.loadsite import load_site


@pytest.fixture(scope="module", params=["sitegen", "stock"])
def env(request):
    """render.environment of the mini site: sitegen's Environment, or stock jinja2.Environment."""
    stock = request.param == "stock"
    saved, templating.STOCK = templating.STOCK, stock
    try:
        made = render.environment(load_site(FIXTURES / "mini"))
    finally:
        templating.STOCK = saved
    assert (type(made) is jinja2.Environment) == stock
    return made


def test_a_global_set_after_loading_is_seen(env):
    template = env.from_string("{{ late_global }}")
    env.globals["late_global"] = "later"
    try:
        assert template.render() == "later"
    finally:
        del env.globals["late_global"]


def test_globals_of_one_template_stay_in_it(env):
    own = env.from_string("{{ mine }}|{{ url('/x/') }}", globals={"mine": "own"})
    assert own.render() == "own|" + env.globals["config"].base_path + "x/"
    assert "mine" not in env.globals
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ mine }}").render()


def test_pass_context_sees_loop_and_block_variables(env):
    @jinja2.pass_context
    def seen(context, name):
        return context.get(name)

    template = env.from_string("{% set outer = 'o' %}{% for x in 'ab' %}{% set y = x %}{{ seen('y') }}{{ seen('outer') }}"
                               "{% endfor %}", globals={"seen": seen})
    assert template.render() == "aobo"  # (Jinja passes what a loop or block sets, not the loop variable itself)


def test_pass_environment_and_callable_objects(env):
    @jinja2.pass_environment
    def which(environment):
        return "same" if environment is env else "other"

    class Counter:
        @jinja2.pass_context
        def __call__(self, context):
            return context["start"] + 1

    class Plain:
        def __call__(self, value):
            return value * 2

    template = env.from_string("{{ which() }} {{ counter() }} {{ plain(4) }} {{ 'x'.upper() }}",
                               globals={"which": which, "counter": Counter(), "plain": Plain()})
    assert template.render(start=1) == "same 2 8 X"


def test_stop_iteration_is_undefined_not_a_crash(env):
    def empty():
        raise StopIteration

    template = env.from_string("{{ 'defined' if empty() is defined else 'undefined' }}", globals={"empty": empty})
    assert template.render() == "undefined"


def test_keyword_arguments_reach_macros_and_functions(env):
    template = env.from_string("{% macro m(a, b=2) %}{{ a }}{{ b }}{% endmacro %}"
                               "{% for i in [1] %}{{ m(i, b=3) }}{{ join(['p', 'q'], sep='-') }}{% endfor %}",
                               globals={"join": lambda items, sep: sep.join(items)})
    assert template.render() == "13p-q"


def test_call_blocks_and_macros_taking_the_evaluation_context(env):
    template = env.from_string("{% macro box(n) %}[{{ caller(n) }}]{% endmacro %}"
                               "{% call(x) box('<') %}{{ x }}{{ x|e }}{% endcall %}"
                               "{% autoescape false %}{{ box(caller=lambda_('<b>')) }}{% endautoescape %}",
                               globals={"lambda_": lambda text: lambda n: text})
    assert template.render() == "[&lt;&lt;][&lt;b&gt;]"


class _Html:
    def __html__(self):
        return "<b>safe</b>"


def test_output_is_escaped_as_markupsafe_escapes_it(env):
    from markupsafe import Markup, escape

    values = ["<a href='x'>&\"</a>", Markup("<i>kept</i>"), 42, -7, 1.5, 1e300 * 10, -1e-20, None, True, _Html(), ["<li>"],
              jinja2.Undefined()]
    template = env.from_string("{% for v in values %}[{{ v }}]{% endfor %}")
    assert template.render(values=values) == "".join(f"[{escape(v)}]" for v in values)


def test_an_inline_if_without_else_writes_nothing(env):
    assert env.from_string("[{{ 'x' if no }}]").render(no=False) == "[]"


def test_escaped_output_is_never_escaped_twice(env):
    template = env.from_string("{% macro m(x) %}<{{ x }}>{% endmacro %}{% set s %}{{ '&' }}{% endset %}"
                               "{{ m('&') }}|{{ s }}|{% filter upper %}{{ '<x>' }}{% endfilter %}|{{ m(m('<')) }}")
    assert template.render() == "<&amp;>|&amp;|&LT;X&GT;|<<&lt;>>"


def test_undefined_output_still_fails(env):
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ nothing_here }}").render()
