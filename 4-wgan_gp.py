#!/usr/bin/env python3
"""Task 4: the WGAN_GP of task 2, able to take pre-trained weights.

Keras writes weights in two HDF5 layouts. The legacy layout (Keras 2's
`save_weights("x.h5")`, the course's files) lists the layers and is read
by layer order; the newer layout (`save_weights("x.weights.h5")`, the only
one Keras 3 writes) is keyed by the objects' paths. Both Keras versions
choose the reader from the file name, not from the content, so this module
looks at the content and hands Keras a name that fits it. It writes the
legacy layout itself, the one every Keras version reads under any name.
"""
import importlib.metadata
import os
import shutil
import tempfile

import h5py
import numpy as np

WGAN_GP_2 = __import__('2-wgan_gp').WGAN_GP


def weights_layout(path):
    """Return "legacy" or "keras3": the layout of a Keras .h5 weight file.

    Raises FileNotFoundError when the file is missing and ValueError when
    it is not an HDF5 file of Keras weights; both messages name the file.
    """
    if not os.path.isfile(path):
        raise FileNotFoundError(f"{path}: no such weight file")
    try:
        with h5py.File(path, "r") as h5:
            if "layer_names" in h5.attrs:
                return "legacy"
            if "model_weights" in h5:
                return "legacy"
            if "layers" in h5 or "vars" in h5:
                return "keras3"
    except OSError as error:
        raise ValueError(f"{path}: not an HDF5 file ({error})") from None
    raise ValueError(f"{path}: an HDF5 file without Keras weights")


def load_weights_h5(model, path):
    """Load the weights in `path` into `model`, whatever layout and name.

    Legacy files match layers by order, so files written under other
    layer names load. Raises FileNotFoundError or ValueError naming the
    file and the reason; the model may then be partly loaded.
    """
    layout = weights_layout(path)
    name = str(path)
    if layout == "keras3":
        name_fits = name.endswith(".weights.h5")
    else:
        name_fits = (name.endswith((".h5", ".hdf5"))
                     and not name.endswith(".weights.h5"))
    with tempfile.TemporaryDirectory() as folder:
        if not name_fits:
            suffix = ".weights.h5" if layout == "keras3" else ".h5"
            renamed = os.path.join(folder, "weights" + suffix)
            shutil.copyfile(path, renamed)
            path_for_keras = renamed
        else:
            path_for_keras = path
        try:
            model.load_weights(path_for_keras)
        except Exception as error:
            raise ValueError(f"{path}: does not fit the model "
                             f"'{model.name}' ({error})") from None


def save_weights_h5(model, path):
    """Write the weights of `model` to `path` in the legacy .h5 layout.

    The layout of Keras 2's `save_weights`: the file lists the layers'
    names, and each layer's group lists its weights (trainable first),
    each stored as a dataset. Both Keras 2 and Keras 3 read it.
    """
    with h5py.File(path, "w") as h5:
        h5.attrs["layer_names"] = np.array(
            [layer.name.encode("utf8") for layer in model.layers])
        h5.attrs["backend"] = b"tensorflow"
        h5.attrs["keras_version"] = importlib.metadata.version(
            "keras").encode("utf8")
        for layer in model.layers:
            group = h5.create_group(layer.name)
            weights = layer.trainable_weights + layer.non_trainable_weights
            names = [f"{layer.name}/{index}_{weight_basename(weight)}:0"
                     for index, weight in enumerate(weights)]
            group.attrs["weight_names"] = np.array(
                [name.encode("utf8") for name in names])
            for name, weight in zip(names, weights):
                group.create_dataset(name, data=np.asarray(weight))


def weight_basename(weight):
    """Return a variable's short name: "kernel" for "dense/kernel:0"."""
    return weight.name.split("/")[-1].split(":")[0]


class WGAN_GP(WGAN_GP_2):
    """Task 2's WGAN_GP with `replace_weights` for pre-trained .h5 files."""

    def replace_weights(self, gen_h5, disc_h5):
        """Load generator weights from gen_h5, critic weights from disc_h5.

        Either file may be in either layout under any name. The
        replacement is atomic: if either file is missing, corrupt or made
        for another architecture, the error names the file and the reason,
        and both networks keep the weights they had.
        """
        kept = [(net, net.get_weights())
                for net in (self.generator, self.discriminator)]
        try:
            load_weights_h5(self.generator, gen_h5)
            load_weights_h5(self.discriminator, disc_h5)
        except BaseException:
            for net, weights in kept:
                net.set_weights(weights)
            raise
