#!/usr/bin/env python3
"""Figures shared by the demos and the training pipeline.

Every function draws one titled figure with labelled axes and saves it to
`path`; figures are shown only when `show` is true (headless by default).
"""
import os

import matplotlib

if not os.environ.get("DISPLAY") and not os.environ.get("MPLBACKEND"):
    matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after the backend choice)
import numpy as np  # noqa: E402


def finish_figure(fig, path=None, show=False, dpi=100):
    """Save the figure to `path` (folders made as needed), show, close."""
    if path:
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        fig.savefig(path, dpi=dpi)
    if show:
        plt.show()
    plt.close(fig)
    return path


def face_grid(pictures, title, path=None, show=False, columns=None):
    """Draw k greyscale pictures (k, h, w) with values in [0, 1] in a grid."""
    pictures = np.clip(np.asarray(pictures), 0, 1)
    columns = columns or int(np.ceil(np.sqrt(len(pictures))))
    rows = int(np.ceil(len(pictures) / columns))
    fig, axes = plt.subplots(rows, columns, figsize=(columns * .6 + .2,
                                                     rows * .6 + .6),
                             squeeze=False)
    for ax in axes.ravel():
        ax.axis("off")
    for ax, picture in zip(axes.ravel(), pictures):
        ax.imshow(picture, cmap="gray", vmin=0, vmax=1)
    fig.suptitle(title)
    fig.subplots_adjust(left=0, right=1, bottom=0, top=1 - .5 / (rows + 1),
                        wspace=.05, hspace=.05)
    return finish_figure(fig, path, show)


def smooth(values, width):
    """Moving average of `values` over `width` points (valid part only)."""
    values = np.asarray(values, dtype="float64")
    width = max(1, min(width, len(values)))
    return np.convolve(values, np.ones(width) / width, mode="valid")


def loss_curves(history, title, path=None, show=False, steps_per_epoch=1):
    """Plot each loss of a history {name: per-step values} against steps.

    Raw values are drawn faintly, their moving average over one epoch
    boldly; a gradient penalty gets its own axis on the right.
    """
    fig, ax = plt.subplots(figsize=(8, 4))
    right = None
    for name, values in history.items():
        if not len(values):
            continue
        target = ax
        if name == "gp":
            right = right or ax.twinx()
            target = right
        line, = target.plot(np.arange(1, len(values) + 1), values, lw=.5,
                            alpha=.3)
        width = max(1, steps_per_epoch)
        averaged = smooth(values, width)
        target.plot(np.arange(width, width + len(averaged)), averaged,
                    color=line.get_color(), lw=1.5, label=name)
    ax.set_xlabel("training step")
    ax.set_ylabel("loss")
    handles, labels = ax.get_legend_handles_labels()
    if right is not None:
        right.set_ylabel("gradient penalty")
        more = right.get_legend_handles_labels()
        handles, labels = handles + more[0], labels + more[1]
    ax.legend(handles, labels, loc="best")
    ax.set_title(title)
    fig.tight_layout()
    return finish_figure(fig, path, show)


def save_gif(frame_paths, path, seconds_per_frame=.2):
    """Assemble PNG files into an animated GIF (matplotlib's Pillow writer)."""
    from matplotlib.animation import FuncAnimation, PillowWriter

    frames = [plt.imread(frame) for frame in frame_paths]
    height, width = frames[0].shape[:2]
    fig = plt.figure(figsize=(width / 100, height / 100), dpi=100)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.axis("off")
    image = ax.imshow(frames[0])
    animation = FuncAnimation(fig, lambda i: image.set_data(frames[i]),
                              frames=len(frames))
    animation.save(path, writer=PillowWriter(fps=1 / seconds_per_frame))
    plt.close(fig)
    return path
