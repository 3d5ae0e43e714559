#!/usr/bin/env python3
"""Task 3: a convolutional generator and critic for 16x16 greyscale faces."""
from tensorflow import keras


def convolutional_GenDiscr():
    """Return (generator, discriminator) for 16x16x1 pictures.

    generator: latent (16,) -> Dense 2048 -> (2, 2, 512) -> three times
        [UpSampling2D, Conv2D 3x3, BatchNormalization, tanh] with 64, 16
        and 1 filters -> picture (16, 16, 1); 339,493 parameters.
    discriminator: picture (16, 16, 1) -> four times [Conv2D 3x3,
        MaxPooling2D, tanh] with 32, 64, 128 and 256 filters -> Flatten ->
        Dense 1 -> critic value (1,); 388,097 parameters.
    """

    def get_generator():
        """Upsample a latent vector into a (16, 16, 1) picture."""
        inputs = keras.Input(shape=(16,))
        hidden = keras.layers.Dense(2048, activation="tanh")(inputs)
        hidden = keras.layers.Reshape((2, 2, 512))(hidden)
        for filters in (64, 16, 1):
            hidden = keras.layers.UpSampling2D()(hidden)
            hidden = keras.layers.Conv2D(filters, 3, padding="same")(hidden)
            hidden = keras.layers.BatchNormalization()(hidden)
            hidden = keras.layers.Activation("tanh")(hidden)
        return keras.Model(inputs, hidden, name="generator")

    def get_discriminator():
        """Reduce a (16, 16, 1) picture to one critic value."""
        inputs = keras.Input(shape=(16, 16, 1))
        hidden = inputs
        for filters in (32, 64, 128, 256):
            hidden = keras.layers.Conv2D(filters, 3, padding="same")(hidden)
            hidden = keras.layers.MaxPooling2D()(hidden)
            hidden = keras.layers.Activation("tanh")(hidden)
        hidden = keras.layers.Flatten()(hidden)
        outputs = keras.layers.Dense(1)(hidden)
        return keras.Model(inputs, outputs, name="discriminator")

    return get_generator(), get_discriminator()
