#!/usr/bin/env python3
"""Write weight files with this Keras version's own `save_weights`.

    python scripts/make_weight_fixtures.py [--out tests/fixtures]

Run once under Keras 2 (requirements.txt) and once under Keras 3
(requirements-latest.txt): tests/test_compat.py then checks that task 4
loads the files of both versions under either one. The pair of networks
is small but has a BatchNormalization layer, so that non-trainable
weights travel too. Its weights are drawn from a NumPy generator, not by
Keras, so both versions build the very same networks.

Files, with PREFIX k2 or k3 after the Keras major version:
    PREFIX_generator.h5, PREFIX_critic.h5  weights, Keras's own layout
        (Keras 3 writes only `*.weights.h5`: the file is renamed after)
    PREFIX_outputs.npz  latent vectors, the generator's outputs on them
        and the critic's values on those outputs
"""
import argparse
import importlib.metadata
import os

import numpy as np
from tensorflow import keras

LATENT_DIM = 3
EXAMPLE_DIM = 4
N_LATENT = 5


def keras_major():
    """Return the major version of the Keras that TensorFlow uses."""
    return int(importlib.metadata.version("keras").split(".")[0])


def build_pair(prefix="fx_"):
    """Return (generator, critic), layer names starting with `prefix`.

    generator: (3,) -> Dense 8 -> BatchNormalization -> tanh -> Dense 4
    critic: (4,) -> Dense 6, tanh -> Dense 1
    """
    latent = keras.Input(shape=(LATENT_DIM,), name=prefix + "latent")
    hidden = keras.layers.Dense(8, name=prefix + "g_dense")(latent)
    hidden = keras.layers.BatchNormalization(name=prefix + "g_norm")(hidden)
    hidden = keras.layers.Activation("tanh", name=prefix + "g_tanh")(hidden)
    example = keras.layers.Dense(EXAMPLE_DIM, name=prefix + "g_out")(hidden)
    generator = keras.Model(latent, example, name=prefix + "generator")

    sample = keras.Input(shape=(EXAMPLE_DIM,), name=prefix + "sample")
    hidden = keras.layers.Dense(6, activation="tanh",
                                name=prefix + "c_dense")(sample)
    value = keras.layers.Dense(1, name=prefix + "c_out")(hidden)
    critic = keras.Model(sample, value, name=prefix + "critic")
    return generator, critic


def fill_weights(model, seed):
    """Give every weight of `model` values drawn from NumPy under `seed`.

    Moving variances must stay positive; the other weights are normal.
    Layers are visited in order, and in each layer the weights in
    creation order, which both Keras versions share.
    """
    rng = np.random.default_rng(seed)
    for layer in model.layers:
        values = []
        for weight in layer.weights:
            shape = tuple(weight.shape)
            if "moving_variance" in weight.name:
                values.append(rng.uniform(0.5, 2.0, shape))
            else:
                values.append(rng.normal(0.0, 0.7, shape))
        layer.set_weights([v.astype("float32") for v in values])


def fixed_pair(prefix="fx_"):
    """Return the deterministic (generator, critic) of the fixtures."""
    generator, critic = build_pair(prefix)
    fill_weights(generator, seed=1)
    fill_weights(critic, seed=2)
    return generator, critic


def fixed_latent():
    """Return the fixed latent vectors the outputs are computed on."""
    rng = np.random.default_rng(3)
    return rng.normal(size=(N_LATENT, LATENT_DIM)).astype("float32")


def save_own_weights(model, path):
    """Write `path` with Keras's own save_weights, in its own layout.

    Keras 3 refuses names that do not end in `.weights.h5`, so it writes
    one and renames it: `path` then holds the new layout under an old
    name, which task 4 must recognise by content.
    """
    if keras_major() >= 3:
        temporary = path[:-len(".h5")] + ".weights.h5"
        model.save_weights(temporary)
        os.replace(temporary, path)
    else:
        model.save_weights(path)


def main(argv=None):
    """Write this Keras version's fixtures into --out."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join("tests", "fixtures"))
    args = parser.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    prefix = f"k{keras_major()}"
    generator, critic = fixed_pair()
    latent = fixed_latent()
    generated = generator(latent, training=False).numpy()
    values = critic(generated, training=False).numpy()
    save_own_weights(generator, os.path.join(args.out,
                                             prefix + "_generator.h5"))
    save_own_weights(critic, os.path.join(args.out, prefix + "_critic.h5"))
    np.savez(os.path.join(args.out, prefix + "_outputs.npz"), latent=latent,
             generated=generated, critic_values=values,
             keras_version=importlib.metadata.version("keras"))
    print(f"wrote {prefix}_generator.h5, {prefix}_critic.h5 and "
          f"{prefix}_outputs.npz in {args.out}")


if __name__ == "__main__":
    main()
