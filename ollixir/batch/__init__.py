"""Batch jobs on one machine: embed any number of texts on one or several Ollama hosts.

>>> import ollixir
>>> from ollixir.batch import embed_many
>>> hosts = [ollixir.Client("http://gpu1:11434"), ollixir.Client("http://gpu2:11434")]
>>> for batch in embed_many(hosts, texts, model="all-minilm", batch_size=64, progress=True):
...     index.add(batch.start, batch.embeddings)

* :func:`embed_many` (sync clients, threads) and :func:`aembed_many` (async clients, tasks) cut the
  texts into batches, run up to ``concurrency`` batches at once per host, and hand the results back
  as :class:`EmbedBatch` objects (index range and vectors) in input order.
* Memory is bounded: texts are read from the iterable only as batches are cut, and at most
  ``window`` batches exist at once.
* Several hosts share the work by how fast each answers; a host that fails (after its client's
  retry policy) is taken out and its batches go to the others, so no text is lost or embedded twice.
* ``start=`` resumes at an offset; :class:`BatchError` (raised when no host is left, or the input
  is refused) says where in ``resume_from``.
* ``progress=True`` draws a bar with rich (the ``cli`` extra) on a terminal, plain lines otherwise.
"""

from __future__ import annotations

from ._async import AsyncEmbedJob, aembed_many
from ._plan import BatchError, EmbedBatch, HostStats
from ._sync import EmbedJob, embed_many

__all__ = ["AsyncEmbedJob", "BatchError", "EmbedBatch", "EmbedJob", "HostStats", "aembed_many", "embed_many"]
