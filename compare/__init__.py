"""readout-compare: who said what at a diplomatic meeting, and where the two sides' emphasis differs."""

__version__ = "0.1.0"
