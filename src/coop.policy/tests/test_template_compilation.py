"""Page templates compile one at a time, whatever the number of threads."""

from chameleon.zpt.template import PageTemplate as ChameleonTemplate
from Products.PageTemplates.PageTemplate import PageTemplate

import threading
import time


THREADS = 4


def test_templates_compile_one_at_a_time(portal, monkeypatch):
    compiling = []
    most_at_once = []
    count = threading.Lock()
    parse = ChameleonTemplate.parse

    def slow_parse(self, body):
        with count:
            compiling.append(self)
            most_at_once.append(len(compiling))
        # Long enough for the other threads to start theirs, if they may.
        time.sleep(0.05)
        try:
            return parse(self, body)
        finally:
            with count:
                compiling.remove(self)

    monkeypatch.setattr(ChameleonTemplate, "parse", slow_parse)
    templates = [PageTemplate() for _ in range(THREADS)]
    threads = [
        threading.Thread(
            target=template.write,
            args=(f'<p tal:content="python: {number} + 1">n</p>',),
        )
        for number, template in enumerate(templates)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(most_at_once) == THREADS
    assert max(most_at_once) == 1
    assert [template() for template in templates] == [
        f"<p>{number + 1}</p>" for number in range(THREADS)
    ]
