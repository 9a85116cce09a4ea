"""The honeypot's field goes into forms that post, and nothing else is touched."""

from coop.policy.honeypot import PostFormsHoneypot

import pytest


POSTING = (
    b'<html><body><form method="post" action="x"><input name="a"></form></body></html>'
)
GETTING = b'<html><body><form action="search"><input name="q"></form></body></html>'


@pytest.fixture
def transform(portal):
    request = portal.REQUEST
    request.response.setHeader("Content-Type", "text/html; charset=utf-8")
    return PostFormsHoneypot(portal, request)


def body(result):
    return b"".join(result) if isinstance(result, list) else result.serialize()


def test_a_form_that_posts_gets_the_field(transform):
    result = transform.transformIterable([POSTING], "utf-8")
    assert b'name="protected_1"' in body(result)


def test_a_page_without_one_is_left_as_it_is(transform):
    assert transform.transformIterable([GETTING], "utf-8") is None
    assert transform.transformIterable([GETTING.decode()], "utf-8") is None


def test_a_page_read_from_an_iterator_is_passed_on(transform):
    result = transform.transformIterable(iter([GETTING[:20], GETTING[20:]]), "utf-8")
    assert body(result) == GETTING


def test_files_and_compressed_pages_are_not_read(transform):
    stream = iter([POSTING])
    transform.request.response.setHeader("Content-Encoding", "gzip")
    assert transform.transformIterable(stream, "utf-8") is None
    transform.request.response.setHeader("Content-Encoding", "")
    transform.request.response.setHeader("Content-Type", "application/pdf")
    assert transform.transformIterable(stream, "utf-8") is None
    # Still unread.
    assert next(stream) == POSTING
