package dev.ember.bench.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/** Writes the word-count corpus: lines of 4 to 16 words drawn from a Zipf-like vocabulary. */
final class WordCorpusGenerator {

  private static final long SEED = 20_240_301L;

  private WordCorpusGenerator() {
  }

  static void write(Path file, long targetBytes, int vocabularySize) throws IOException {
    SplittableRandom random = new SplittableRandom(SEED);
    String[] vocabulary = vocabulary(vocabularySize, random);
    ZipfSampler zipf = new ZipfSampler(vocabularySize, 1.0);
    long written = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      StringBuilder line = new StringBuilder(256);
      while (written < targetBytes) {
        line.setLength(0);
        int words = 4 + random.nextInt(13);
        for (int i = 0; i < words; i++) {
          line.append(i == 0 ? "" : " ").append(vocabulary[zipf.sample(random)]);
        }
        line.append('\n');
        out.append(line);
        written += line.length();
      }
    }
  }

  private static String[] vocabulary(int size, SplittableRandom random) {
    Set<String> seen = new HashSet<>();
    String[] words = new String[size];
    int count = 0;
    while (count < size) {
      int length = 2 + random.nextInt(9);
      StringBuilder word = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        word.append((char) ('a' + random.nextInt(26)));
      }
      if (seen.add(word.toString())) {
        words[count++] = word.toString();
      }
    }
    return words;
  }
}
