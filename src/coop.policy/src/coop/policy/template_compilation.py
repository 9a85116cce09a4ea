"""Chameleon compiles one page template at a time.

Python 3.11 before 3.11.8 (Debian 12 ships 3.11.2) keeps the recursion depth
of the code that builds `ast` objects in state that all threads share
(CPython gh-106905, Chameleon issue 387). When two of the instance's threads
compile templates at once, as right after a start when visitors come in
together, one of them may fail with "SystemError: AST constructor recursion
depth mismatch" and its visitor gets an error page. Each template is compiled
once per process, so the wait costs nothing once the site has warmed up.
"""

import threading


# Reentrant: a compilation that needs another template in the same thread
# must not wait on itself.
_compiling = threading.RLock()


def cook_one_at_a_time(self, body, name, builtins):
    """`chameleon.template.BaseTemplate._cook`, one thread at a time."""
    with _compiling:
        return self._old__cook(body, name, builtins)
