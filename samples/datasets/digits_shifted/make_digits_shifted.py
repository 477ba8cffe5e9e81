#!/usr/bin/python3
"""Writes the "why convolution" data set from ../digits_8x8/digits_8x8.csv (run it from anywhere).

Each 8x8 digit (pixels 0-16) is drawn on a 12x12 canvas as 8-bit pixels (value * 255 / 16, rounded). Four of
every five digits are the training images, centred (a 2-pixel margin all round). The fifth digit of each group
of five is a test image, moved by a random shift of one or two pixels (dx, dy from -2..2 with
1 <= |dx| + |dy| <= 2; seed 7). Written as gzip'd IDX files (MNIST's format) with a fixed gzip time stamp, so the
output is byte-for-byte reproducible.
"""
import csv
import gzip
import os
import random
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
SIDE, DIGIT, MARGIN = 12, 8, 2


def canvas(pixels, dx, dy):
    img = [0] * (SIDE * SIDE)
    for r in range(DIGIT):
        for c in range(DIGIT):
            img[(r + MARGIN + dy) * SIDE + (c + MARGIN + dx)] = round(pixels[r * DIGIT + c] * 255 / 16)
    return img


def write_idx(path, magic, dims, data):
    raw = struct.pack(">I", magic) + b"".join(struct.pack(">I", d) for d in dims) + bytes(data)
    with open(path, "wb") as f:
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0) as g:
            g.write(raw)


def main():
    rng = random.Random(7)
    shifts = [(dx, dy) for dx in range(-2, 3) for dy in range(-2, 3) if 1 <= abs(dx) + abs(dy) <= 2]
    train_x, train_y, test_x, test_y = [], [], [], []
    with open(os.path.join(HERE, "..", "digits_8x8", "digits_8x8.csv"), newline="") as f:
        for i, row in enumerate(csv.DictReader(f)):
            pixels = [int(row["p%d" % k]) for k in range(64)]
            label = int(row["digit"])
            if i % 5 == 4:
                test_x += canvas(pixels, *rng.choice(shifts))
                test_y.append(label)
            else:
                train_x += canvas(pixels, 0, 0)
                train_y.append(label)
    write_idx(os.path.join(HERE, "train-images-idx3-ubyte.gz"), 0x803, [len(train_y), SIDE, SIDE], train_x)
    write_idx(os.path.join(HERE, "train-labels-idx1-ubyte.gz"), 0x801, [len(train_y)], train_y)
    write_idx(os.path.join(HERE, "test-images-idx3-ubyte.gz"), 0x803, [len(test_y), SIDE, SIDE], test_x)
    write_idx(os.path.join(HERE, "test-labels-idx1-ubyte.gz"), 0x801, [len(test_y)], test_y)
    print("%d training digits (centred), %d test digits (shifted)" % (len(train_y), len(test_y)))


if __name__ == "__main__":
    main()
