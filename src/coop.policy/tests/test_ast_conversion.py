"""The process converts one syntax tree at a time, whatever its threads."""

# Compiled code takes the __future__ statements of the code that compiles it.
from __future__ import annotations

from coop.policy import ast_conversion
from Products.PageTemplates.PageTemplate import PageTemplate

import ast
import pytest
import threading
import traceback


# Long enough for a thread that may go on to finish, short enough for the suite.
BLOCKED = 0.3


def _underlined_traceback():
    # Python 3.11 parses the failing line to underline the failing part.
    try:
        {}["missing"]
    except KeyError as error:
        return "".join(traceback.format_exception(error))


CONVERSIONS = {
    "ast.parse": lambda: ast.parse("total = price * quantity"),
    "ast.literal_eval": lambda: ast.literal_eval("{'a': [1, 2]}"),
    "compiling a tree": lambda: compile(
        ast.parse("1 + 1", mode="eval"), "<tree>", "eval"
    ),
    "a page template": lambda: PageTemplate().write('<p tal:content="python: 1">n</p>'),
    "a traceback": _underlined_traceback,
}


def _in_a_thread(work):
    done = threading.Event()

    def run():
        work()
        done.set()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, done


@pytest.fixture
def another_thread_converting():
    """Another thread is converting a tree as long as the test holds this."""
    holding, release = threading.Event(), threading.Event()

    def convert():
        with ast_conversion._converting:
            holding.set()
            release.wait(10)

    thread = threading.Thread(target=convert)
    thread.start()
    holding.wait(10)
    yield release
    release.set()
    thread.join()


@pytest.mark.parametrize("conversion", CONVERSIONS)
def test_a_thread_waits_for_the_tree_another_converts(
    portal, another_thread_converting, conversion
):
    thread, done = _in_a_thread(CONVERSIONS[conversion])
    assert not done.wait(BLOCKED)
    another_thread_converting.set()
    assert done.wait(10)
    thread.join()


def test_compiling_source_text_does_not_wait(portal, another_thread_converting):
    thread, done = _in_a_thread(lambda: compile("x = 1", "<text>", "exec"))
    assert done.wait(10)
    thread.join()


def test_a_conversion_may_convert_again_in_its_own_thread(portal):
    def convert_within_a_conversion():
        with ast_conversion._converting:
            ast.parse("x = 1")
            _underlined_traceback()

    thread, done = _in_a_thread(convert_within_a_conversion)
    assert done.wait(10)
    thread.join()


@pytest.mark.parametrize("dont_inherit", [False, True])
def test_compiled_code_takes_the_future_statements_of_its_caller(portal, dont_inherit):
    code = compile(
        "def price(quantity: Unknown): pass",
        "<text>",
        "exec",
        dont_inherit=dont_inherit,
    )
    # Postponed, the annotation is kept as text; otherwise its name is looked up.
    assert ("Unknown" in code.co_names) is dont_inherit
