"""The build's one Jinja environment: autoescaped and strict, printing values through a quick
escape, with the URL helpers, the partials' macros and the masthead's links as globals."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Mapping

import jinja2
from jinja2.compiler import CodeGenerator
from markupsafe import Markup, escape

from generator import __version__
from generator.themeloader import ThemeEnvironment, ThemeLoader
from generator.urls import Urls
from generator.views import nav_marks

GENERATOR = f"Wire Digest {__version__}"


try:  # markupsafe's own escaping, without wrapping the result in Markup
    from markupsafe._speedups import _escape_inner
except ImportError:  # pragma: no cover - markupsafe without its C speedups
    def _escape_inner(text: str) -> str:
        return str(escape(text))


def escape_output(value: Any) -> str:
    """Escape a value a template prints ({{ x }}): the text markupsafe.escape gives, as a str.

    What a template prints is only ever joined into the page, so the Markup that escape() makes
    of every value (a Python-level __new__, a sixth of rendering, profiled) is made for nothing;
    Markup (a card, a macro's output) is printed as it is, where escape() would copy it.
    """
    kind = type(value)
    if kind is str:
        return _escape_inner(value)
    if kind is Markup:
        return value
    return escape(value)


class OutputCodeGenerator(CodeGenerator):
    """Jinja's code generator, printing a value through the environment's escape_output."""

    def _output_child_pre(self, node: Any, frame: Any, finalize: Any) -> None:
        if frame.eval_ctx.volatile or not frame.eval_ctx.autoescape:
            return super()._output_child_pre(node, frame, finalize)
        self.write("environment.escape_output(")  # every template function has `environment` bound
        if finalize.src is not None:
            self.write(finalize.src)


class RenderEnvironment(ThemeEnvironment):
    """The theme environment, with `x.name` on a page's dicts (cards too) looked up as a key first.

    Jinja tries the attribute first and the key after, so every `head.title` on a dict raised and
    caught an AttributeError (about a tenth of rendering, profiled). A plain dict has no attributes
    but its type's, so for any other name the key is all Jinja would find: the result is the same.
    """

    code_generator_class = OutputCodeGenerator
    escape_output = staticmethod(escape_output)

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_NAMES:
            try:
                return obj[attribute]
            except KeyError:
                pass  # missing: let Jinja make its Undefined as before
        return super().getattr(obj, attribute)


# the attributes of the dicts pages are made of, whose lookup by attribute must stay Jinja's own
_DICT_NAMES = frozenset(dir(dict))


def environment(template_dirs, urls: Urls, assets: Mapping[str, str], site: Mapping[str, Any],
                compiled: Path | None = None) -> jinja2.Environment:
    """Return the build's one Jinja environment, with the URL helpers as globals.

    Templates compiled once are kept in the folder COMPILED (Jinja's bytecode cache, checked
    against each template's source): compiling the theme took a third of a one-story rebuild.
    """
    cache = None
    if compiled is not None:
        compiled.mkdir(parents=True, exist_ok=True)
        cache = jinja2.FileSystemBytecodeCache(str(compiled), "template-%s.cache")
    env = RenderEnvironment(loader=ThemeLoader(tuple(template_dirs)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             auto_reload=False, bytecode_cache=cache)

    def asset(name: str) -> str:
        if name not in assets:
            raise ValueError(f"asset {name!r} is not among the theme's static files")
        return urls.file("static/" + assets[name])

    env.globals.update(asset=asset, urls=urls, site=site, generator=GENERATOR,
                       card=partial(env, "partials/card.html", "card", ("item", "card_heading", "card_clock"),
                                    {"card_heading": 3, "card_clock": False}, reuse=True),
                       terms=partial(env, "partials/terms.html", "terms", ("label", "links")),
                       nav=section_links(env, site))
    return env


def section_links(env: jinja2.Environment, site: Mapping[str, Any]) -> Callable[[str, str], Markup]:
    """Return the template global nav(url, page_kind): the masthead's links to the site's sections.

    Every page shows them, marked as that page sits among them; there are only a few markings,
    so each is rendered once (the macro of partials/nav.html) and its HTML reused.
    """
    made: dict[tuple, Markup] = {}

    def nav(url: str, page_kind: str) -> Markup:
        marks = nav_marks(site, url, page_kind)
        html = made.get(marks)
        if html is None:
            items = [{**item, "current": mark} for item, mark in zip(site["nav"], marks)]
            html = made[marks] = env.get_template("partials/nav.html").module.nav(items)
        return html

    return nav


def compile_templates(env: jinja2.Environment) -> None:
    """Compile every HTML template on the theme search path now, before workers are forked.

    Each forked worker would otherwise compile each template again. One that fails to compile is
    left alone: rendering a page with it reports the error, as it would have.
    """
    for name in env.list_templates(extensions=["html"]):
        try:
            env.get_template(name)
        except Exception:  # noqa: BLE001 - a broken template fails, with its name and line, where a page uses it
            pass


def partial(env: jinja2.Environment, name: str, macro: str, params: tuple[str, ...],
            defaults: Mapping[str, Any] | None = None, reuse: bool = False) -> Callable[..., Markup]:
    """Return a template global calling the macro MACRO of the partial NAME.

    A macro imported once costs far less than an include per card. A site or theme override of NAME
    written the old way, as a template to include (no macro), is included as before with the page's
    context and PARAMS set (those not given, to their DEFAULTS). With REUSE, the macro's output is
    kept by its arguments, the first one by its "key": a macro sees no page, so a card shows its
    story alone and is rendered once however many pages list it.
    """
    found: list[Any] = []  # the macro, or None for an override to include; looked up on first call
    made: dict[tuple, Markup] = {}

    @jinja2.pass_context
    def call(context: jinja2.runtime.Context, *args: Any, **kwargs: Any) -> Markup:
        if not found:
            found.append(_macro(env, name, macro))
        if found[0] is None:
            values = {**context.get_all(), **(defaults or {}), **dict(zip(params, args)), **kwargs}
            return Markup(env.get_template(name).render(values))
        if not reuse:
            return found[0](*args, **kwargs)
        key = (args[0]["key"], *args[1:], *sorted(kwargs.items()))
        html = made.get(key)
        if html is None:
            html = made[key] = found[0](*args, **kwargs)
        return html

    return call


def _macro(env: jinja2.Environment, name: str, macro: str) -> Any:
    try:
        module = env.get_template(name).module  # runs its top level once, with no page context
    except jinja2.UndefinedError:
        return None  # a template that reads the page's variables: one to include
    return getattr(module, macro, None)
