#!/usr/bin/env python3
"""Helpers shared by the demos, the training pipeline and the evaluation.

The task modules (0-simple_gan.py ... 4-wgan_gp.py) stay standalone for
the course's checker; everything the demos would otherwise repeat lives
here, once: seeds and latent generators, toy distributions, networks, the
faces data, metrics, plots, training and evaluation.
"""
import importlib
import os
import sys

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def task(name):
    """Import a task module such as "2-wgan_gp" from the repository root."""
    if REPO_ROOT not in sys.path:
        sys.path.insert(0, REPO_ROOT)
    return importlib.import_module(name)
