package io.kontor.query.ledger;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.kontor.events.ledger.AccountType;
import io.kontor.events.ledger.Side;
import io.kontor.query.common.ViewGenerations;
import io.kontor.query.common.Generations;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.BsonWriter;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.io.BasicOutputBuffer;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger view's MongoDB collections. Every read is by {@code _id} ({@code $in}), the one query shape that
 * costs the same at any size on both MongoDB and the embedded server; every batch is one bulk write per
 * collection. Lines are immutable once written and buckets are replaced whole, so applying a batch again after a
 * partial write completes it without counting anything twice (the fold skips what the buckets' stamps cover).
 */
public class LedgerStore implements Generations.Store, LedgerTarget {

    static final String ACCOUNTS = "ledger_accounts";
    static final String BUCKETS = "ledger_buckets";
    static final String LINES = "ledger_lines";

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final BulkWriteOptions ORDERED = new BulkWriteOptions().ordered(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final int KEYS_PER_QUERY = 1_000;

    private final long generation;
    private final MongoCollection<Document> accounts;
    private final MongoCollection<Document> buckets;
    private final MongoCollection<Document> lines;
    /** The same collections written with BSON encoded straight from buckets and lines ({@link #raw(Bucket)}). */
    private final MongoCollection<BsonDocument> bucketWrites;
    private final MongoCollection<BsonDocument> lineWrites;

    /** The view's first generation, in the collections {@code ledger_accounts}, {@code ledger_buckets} and {@code ledger_lines}. */
    public LedgerStore(MongoDatabase database) {
        this(database, 0);
    }

    /**
     * Generation {@code generation} of the view: generation 0 in the plain collection names, each later one (a
     * rebuild beside the live view) in the same names suffixed {@code _g<generation>}.
     */
    public LedgerStore(MongoDatabase database, long generation) {
        this.generation = generation;
        this.accounts = database.getCollection(ViewGenerations.collectionName(ACCOUNTS, generation));
        this.buckets = database.getCollection(ViewGenerations.collectionName(BUCKETS, generation));
        this.lines = database.getCollection(ViewGenerations.collectionName(LINES, generation));
        this.bucketWrites = buckets.withDocumentClass(BsonDocument.class);
        this.lineWrites = lines.withDocumentClass(BsonDocument.class);
    }

    @Override
    public long generation() {
        return generation;
    }

    /** This generation's collection names: accounts, buckets, lines. */
    public List<String> collectionNames() {
        return List.of(accounts.getNamespace().getCollectionName(), buckets.getNamespace().getCollectionName(),
                lines.getNamespace().getCollectionName());
    }

    /** Drops this generation's collections (a rebuild's leftovers, or the generation a rebuild replaced). */
    @Override
    public void drop() {
        accounts.drop();
        buckets.drop();
        lines.drop();
    }

    /** An account as the ledger knows it. */
    public record Account(String code, String name, AccountType type, String currency, long position) {
    }

    @Override
    public void write(Collection<Account> openedAccounts, LedgerFold.Result result) {
        writeAccounts(openedAccounts);
        // Lines first: a crash between the two writes leaves day buckets unstamped, so the redelivered batch
        // recomputes the same line ids with the same content, and their inserts find them already there.
        insertLines(result.lines());
        writeBuckets(result.created(), result.updated().stream().map(LedgerFold.Update::bucket).toList());
    }

    void writeAccounts(Collection<Account> openedAccounts) {
        if (!openedAccounts.isEmpty()) {
            accounts.bulkWrite(openedAccounts.stream().map(LedgerStore::replace).toList(), ORDERED);
        }
    }

    /** Inserts lines of their own; a line already there (a redelivered batch's) is left as it is. */
    void insertLines(List<LedgerLine> newLines) {
        if (!newLines.isEmpty()) {
            insertIgnoringDuplicates(lineWrites, newLines.stream().map(line -> raw(line, false)).toList());
        }
    }

    /**
     * Inserts the buckets {@code created} whole, and gives each of {@code updated} (which exist) its new totals
     * and appends its {@code embedded} lines, never rewriting its whole array.
     */
    void writeBuckets(List<Bucket> created, List<Bucket> updated) {
        // Inserting a new document costs a fraction of an upsert on the embedded server; a rebuild creates most.
        List<WriteModel<BsonDocument>> writes = new ArrayList<>();
        created.forEach(b -> writes.add(new InsertOneModel<>(raw(b))));
        for (Bucket b : updated) {
            List<Bson> changes = new ArrayList<>(List.of(
                    Updates.set("debit", new Decimal128(b.debit())), Updates.set("credit", new Decimal128(b.credit())),
                    Updates.set("lines", b.lines()), Updates.set("stamp", b.stamp()),
                    Updates.set("firstDate", b.firstDate() == null ? null : b.firstDate().toString())));
            if (!b.embedded().isEmpty()) {
                changes.add(Updates.pushEach("entries", b.embedded().stream().map(line -> raw(line, true)).toList()));
            }
            // Filtered on _id alone: anything more is a full scan on the embedded server. The ledger has one
            // writer (its single-segment processor), so the bucket is as it was read.
            writes.add(new UpdateOneModel<>(Filters.eq("_id", b.id()), Updates.combine(changes)));
        }
        if (!writes.isEmpty()) {
            BulkWriteResult written = bucketWrites.bulkWrite(writes, UNORDERED);
            if (written.getMatchedCount() != updated.size()) {
                // A bucket read a moment ago is gone: something other than this view's processor touched the
                // view. Failing the batch makes the processor retry it from its last token.
                throw new IllegalStateException("ledger buckets changed under the ledger projection: "
                        + written.getMatchedCount() + " of " + updated.size() + " updates matched");
            }
        }
    }

    private static void insertIgnoringDuplicates(MongoCollection<BsonDocument> collection,
                                                 List<? extends BsonDocument> documents) {
        try {
            collection.bulkWrite(documents.stream().<WriteModel<BsonDocument>>map(InsertOneModel::new).toList(),
                    UNORDERED);
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyDuplicates || e.getWriteConcernError() != null) {
                throw e;
            }
        }
    }

    List<Account> accounts() {
        List<Account> all = new ArrayList<>();
        for (Document doc : accounts.find()) {
            all.add(new Account(doc.getString("_id"), doc.getString("name"), AccountType.valueOf(doc.getString("type")),
                    doc.getString("currency"), doc.getLong("position")));
        }
        all.sort((a, b) -> a.code().compareTo(b.code()));
        return all;
    }

    /** The buckets with these keys, with the lines day buckets embed. */
    Map<String, Bucket> buckets(Collection<String> keys) {
        return buckets(keys, null);
    }

    /** The buckets with these keys, totals only: what balances need, without the bytes of embedded lines. */
    @Override
    public Map<String, Bucket> totals(Collection<String> keys) {
        return buckets(keys, Projections.exclude("entries"));
    }

    private Map<String, Bucket> buckets(Collection<String> keys, Bson projection) {
        Map<String, Bucket> found = new HashMap<>();
        for (List<String> chunk : chunks(keys)) {
            for (Document doc : buckets.find(Filters.in("_id", chunk)).projection(projection)) {
                Bucket bucket = toBucket(doc);
                found.put(bucket.id(), bucket);
            }
        }
        return found;
    }

    List<LedgerLine> lines(Collection<String> keys) {
        List<LedgerLine> found = new ArrayList<>();
        for (List<String> chunk : chunks(keys)) {
            for (Document doc : lines.find(Filters.in("_id", chunk))) {
                found.add(toLine(doc));
            }
        }
        return found;
    }

    private static List<List<String>> chunks(Collection<String> keys) {
        List<String> all = new ArrayList<>(keys);
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += KEYS_PER_QUERY) {
            chunks.add(all.subList(i, Math.min(all.size(), i + KEYS_PER_QUERY)));
        }
        return chunks;
    }

    private static WriteModel<Document> replace(Account account) {
        Document doc = new Document("_id", account.code())
                .append("name", account.name())
                .append("type", account.type().name())
                .append("currency", account.currency())
                .append("position", account.position());
        return new ReplaceOneModel<>(Filters.eq("_id", account.code()), doc, UPSERT);
    }

    /**
     * A bucket as inserted, encoded straight to BSON: no {@link Document} per line built, looked up codec by codec
     * and encoded after it. Fields, their order and BSON types are those the reads below expect.
     */
    private static RawBsonDocument raw(Bucket bucket) {
        BasicOutputBuffer out = new BasicOutputBuffer(128 + 160 * bucket.embedded().size());
        try (BsonBinaryWriter writer = new BsonBinaryWriter(out)) {
            writer.writeStartDocument();
            writer.writeString("_id", bucket.id());
            writer.writeString("account", bucket.account());
            writer.writeDecimal128("debit", new Decimal128(bucket.debit()));
            writer.writeDecimal128("credit", new Decimal128(bucket.credit()));
            writer.writeInt32("lines", bucket.lines());
            writer.writeInt64("stamp", bucket.stamp());
            writeString(writer, "firstDate", bucket.firstDate() == null ? null : bucket.firstDate().toString());
            if (!bucket.embedded().isEmpty()) {
                writer.writeStartArray("entries");
                for (LedgerLine line : bucket.embedded()) {
                    writeLine(writer, line, true);
                }
                writer.writeEndArray();
            }
            writer.writeEndDocument();
        }
        return new RawBsonDocument(out.getInternalBuffer(), 0, out.getPosition());
    }

    /**
     * A line as a document of its own or, {@code embedded}, as its day bucket embeds it: without the id, account
     * and date, which the bucket itself gives. A rebuild writes every line once, so each field left out is a field
     * less to encode, send and store per line.
     */
    private static RawBsonDocument raw(LedgerLine line, boolean embedded) {
        BasicOutputBuffer out = new BasicOutputBuffer(256);
        try (BsonBinaryWriter writer = new BsonBinaryWriter(out)) {
            writeLine(writer, line, embedded);
        }
        return new RawBsonDocument(out.getInternalBuffer(), 0, out.getPosition());
    }

    private static void writeLine(BsonWriter writer, LedgerLine line, boolean embedded) {
        writer.writeStartDocument();
        if (!embedded) {
            writer.writeString("_id", line.id());
            writer.writeString("account", line.account());
            writer.writeString("date", line.date().toString());
        }
        writer.writeInt32("indexInDay", line.indexInDay());
        writer.writeString("side", line.side().name());
        writer.writeDecimal128("amount", new Decimal128(line.amount()));
        writeString(writer, "currency", line.currency());
        writer.writeInt64("position", line.position());
        writeString(writer, "eventType", line.eventType());
        writeString(writer, "reference", line.reference());
        writeString(writer, "description", line.description());
        writer.writeEndDocument();
    }

    private static void writeString(BsonWriter writer, String name, String value) {
        if (value == null) {
            writer.writeNull(name);
        } else {
            writer.writeString(name, value);
        }
    }

    private static Bucket toBucket(Document doc) {
        String firstDate = doc.getString("firstDate");
        String account = doc.getString("account");
        List<Document> entries = doc.getList("entries", Document.class, List.of());
        LocalDate day = entries.isEmpty() ? null : Bucket.dayOf(doc.getString("_id"));
        List<LedgerLine> embedded = entries.stream().map(entry -> toLine(new Document(entry)
                .append("_id", LedgerLine.id(account, day, entry.getInteger("indexInDay")))
                .append("account", account)
                .append("date", day.toString()))).toList();
        return new Bucket(doc.getString("_id"), doc.getString("account"), decimal(doc, "debit"),
                decimal(doc, "credit"), doc.getInteger("lines"), doc.getLong("stamp"),
                firstDate == null ? null : LocalDate.parse(firstDate), embedded);
    }

    private static LedgerLine toLine(Document doc) {
        return new LedgerLine(doc.getString("_id"), doc.getString("account"), LocalDate.parse(doc.getString("date")),
                doc.getInteger("indexInDay"), Side.valueOf(doc.getString("side")), decimal(doc, "amount"),
                doc.getString("currency"), doc.getLong("position"), doc.getString("eventType"),
                doc.getString("reference"), doc.getString("description"));
    }

    private static BigDecimal decimal(Document doc, String field) {
        Object value = doc.get(field);
        return value instanceof Decimal128 d ? d.bigDecimalValue() : new BigDecimal(value.toString());
    }
}
