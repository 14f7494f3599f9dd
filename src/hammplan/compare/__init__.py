"""``hammplan compare``: what changed between two editions of a plan.

Plain functions over the curated plan model: :mod:`.values` (the one adapter that reads budget
values), :mod:`.matching` (which measure is which), :mod:`.fields`, :mod:`.money`,
:mod:`.districts`, :mod:`.overview`, :mod:`.findings`, put together by :mod:`.core`, and
written by :mod:`.outputs` and :mod:`.report`.
"""
