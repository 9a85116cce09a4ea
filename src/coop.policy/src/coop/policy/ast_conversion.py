"""The process converts one syntax tree (`ast`) at a time, whatever its threads.

Python 3.11 before 3.11.8 (Debian 12 ships 3.11.2) keeps the recursion depth
of the code that converts between `ast` objects and the compiler's trees in
state that all threads share (CPython gh-106905): when two threads convert
at once, one of them fails with "SystemError: AST constructor recursion depth
mismatch" and the visitor gets an error page. Page templates compile in
several threads right after a start, and Python 3.11 parses the failing line
of a traceback to underline it, while other threads compile templates.

Every such conversion goes through `compile`: `ast.parse`, `ast.literal_eval`,
Chameleon, RestrictedPython, tracebacks. Only those wait for each other;
compiling source text into code does not convert a tree and runs as before.
"""

import __future__

import ast
import builtins
import functools
import operator
import sys
import threading


_python_compile = builtins.compile
FUTURE_FLAGS = functools.reduce(
    operator.or_,
    (getattr(__future__, name).compiler_flag for name in __future__.all_feature_names),
)
# Reentrant: a conversion that logs an error in the same thread must not
# wait on itself.
_converting = threading.RLock()


def compile_one_tree_at_a_time(
    source, filename, mode, flags=0, dont_inherit=False, optimize=-1, **kwargs
):
    """`compile`, one thread at a time when it reads or writes an `ast` tree."""
    if not dont_inherit:
        # compile() takes the __future__ statements of the code that calls
        # it: this function's caller's, not this function's.
        flags |= sys._getframe(1).f_code.co_flags & FUTURE_FLAGS
    arguments = (source, filename, mode, flags, True, optimize)
    if isinstance(source, ast.AST) or flags & ast.PyCF_ONLY_AST:
        with _converting:
            return _python_compile(*arguments, **kwargs)
    return _python_compile(*arguments, **kwargs)
