package org.shangliang.topics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.shangliang.commons.security.Roles.ORGANIZER;
import static org.shangliang.commons.security.Roles.RESIDENT;
import static org.shangliang.commons.testing.Api.as;
import static org.shangliang.topics.Fixtures.HUIMIN_STREET;
import static org.shangliang.topics.Fixtures.topicBody;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.testing.JwtTestResource;
import org.shangliang.commons.testing.TestTokens;

/** 议题附件: sniffed types, limits, the same file once, downloads under the topic's read rules. */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class AttachmentTest {

    @Inject EntityManager em;

    static byte[] jpeg(int size) {
        byte[] b = random(size);
        b[0] = (byte) 0xFF; b[1] = (byte) 0xD8; b[2] = (byte) 0xFF; b[3] = (byte) 0xE0;
        return b;
    }

    static byte[] png(int size) {
        byte[] b = random(size);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, b, 0, 8);
        return b;
    }

    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] random(int size) {
        byte[] b = new byte[size];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    /** Names sent as phones and browsers send them: UTF-8, not RFC 2231 or ISO-8859-1. */
    static final io.restassured.config.RestAssuredConfig UTF8_NAMES = io.restassured.RestAssured.config()
            .httpClient(io.restassured.config.HttpClientConfig.httpClientConfig()
                    .httpMultipartMode(org.apache.http.entity.mime.HttpMultipartMode.BROWSER_COMPATIBLE))
            .multiPartConfig(io.restassured.config.MultiPartConfig.multiPartConfig().defaultCharset("UTF-8"));

    static ValidatableResponse upload(String token, String topic, String name, String declaredType, byte[] content) {
        return as(token).config(UTF8_NAMES).multiPart("file", name, content, declaredType).post("/api/v1/topics/{id}/attachments", topic).then();
    }

    static String resident(String village, String who) {
        return TestTokens.as(RESIDENT, village).subject(who + "@" + village).name(who).token();
    }

    static String topic(String token, String village) {
        return as(token).contentType(ContentType.JSON).body(topicBody(village, "村道破损")).post("/api/v1/topics").then().statusCode(201).extract().path("id");
    }

    @Test
    void a_phone_photo_is_attached_listed_and_downloaded_byte_for_byte_and_the_same_photo_again_is_the_same_attachment() throws Exception {
        String village = Fixtures.freshVillage();
        String wang = resident(village, "wang");
        String topic = topic(wang, village);
        byte[] photo = jpeg(300_000);
        // The client says PNG and names it .png: the content is a JPEG, and that is what is kept.
        String id = upload(wang, topic, "C:\\手机\\相册\\村道破损.png", "image/png", photo).statusCode(201)
                .header("Location", containsString("/api/v1/topics/" + topic + "/attachments/"))
                .body("mediaType", equalTo("image/jpeg")).body("fileName", equalTo("村道破损.png")).body("sizeBytes", equalTo(photo.length))
                .body("sha256", equalTo(sha256(photo))).body("uploadedByName", equalTo("wang")).extract().path("id");
        // A retry after a lost answer stores nothing new.
        upload(wang, topic, "again.jpg", "image/jpeg", photo).statusCode(200).body("id", equalTo(id));
        Number rows = (Number) em.createNativeQuery("select count(*) from topic_attachment a join topic_attachment_content c on c.attachment_id = a.id "
                + "where a.topic_id = cast(?1 as uuid) and a.sha256 = ?2 and octet_length(c.content) = ?3")
                .setParameter(1, topic).setParameter(2, sha256(photo)).setParameter(3, photo.length).getSingleResult();
        assertEquals(1, rows.intValue(), "one row and its bytes, of the right length");

        upload(wang, topic, "申请书.pdf", "application/octet-stream", pdf()).statusCode(201).body("mediaType", equalTo("application/pdf"));
        as(wang).get("/api/v1/topics/{id}/attachments", topic).then().statusCode(200)
                .body("fileName", equalTo(List.of("村道破损.png", "申请书.pdf"))).body("mediaType", equalTo(List.of("image/jpeg", "application/pdf")));

        // Residents under the territory see the submitted topic, so they see its evidence too.
        String li = resident(village, "li");
        var download = as(li).get("/api/v1/topics/{id}/attachments/{a}/content", topic, id).then().statusCode(200)
                .contentType("image/jpeg").header("ETag", equalTo("\"" + sha256(photo) + "\"")).header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", startsWith("inline; filename=")).header("Content-Disposition", containsString("filename*=UTF-8''%E6%9D%91"))
                .header("Cache-Control", containsString("private")).extract();
        assertArrayEquals(photo, download.asByteArray());
        as(li).header("If-None-Match", "\"" + sha256(photo) + "\"").get("/api/v1/topics/{id}/attachments/{a}/content", topic, id).then().statusCode(304);
        as(li).get("/api/v1/topics/{id}/attachments/{a}", topic, id).then().statusCode(200).body("contentPath", equalTo(
                "/api/v1/topics/" + topic + "/attachments/" + id + "/content"));
        as(TestTokens.as(ORGANIZER, HUIMIN_STREET).token()).get("/api/v1/topics/{id}/timeline", topic).then().body("kind", hasItem("ATTACHED"));
    }

    @Test
    void types_are_told_from_the_content_and_sizes_and_counts_are_limited_with_a_problem_naming_the_file() {
        String village = Fixtures.freshVillage();
        String wang = resident(village, "wang");
        String topic = topic(wang, village);
        upload(wang, topic, "photo.jpg", "image/jpeg", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)).statusCode(415)
                .contentType("application/problem+json").body("violations.field", hasItem("file")).body("detail", containsString("JPEG"));
        upload(wang, topic, "empty.png", "image/png", new byte[0]).statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("file"));
        // 10 MiB is taken, one byte more is not.
        upload(wang, topic, "big.png", "image/png", png(10 * 1024 * 1024)).statusCode(201).body("sizeBytes", equalTo(10 * 1024 * 1024));
        upload(wang, topic, "bigger.png", "image/png", png(10 * 1024 * 1024 + 1)).statusCode(413)
                .contentType("application/problem+json").body("violations.field", hasItem("file")).body("detail", containsString("10485760"));
        // A body far over the limit is refused by its Content-Length.
        upload(wang, topic, "huge.png", "image/png", png(12 * 1024 * 1024)).statusCode(413).contentType("application/problem+json");
        Number stored = (Number) em.createNativeQuery("select count(*) from topic_attachment where topic_id = cast(?1 as uuid)").setParameter(1, topic).getSingleResult();
        assertEquals(1, stored.intValue(), "only the 10 MiB file was kept");
        // JSON bodies keep their own limit of 256 KiB.
        as(wang).contentType(ContentType.JSON).body(topicBody(village, "x".repeat(300_000))).post("/api/v1/topics").then().statusCode(413);
        as(wang).contentType(ContentType.JSON).body("{}").post("/api/v1/topics/{id}/attachments", topic).then().statusCode(415)
                .contentType("application/problem+json");
        as(wang).multiPart("other", "a.jpg", jpeg(100), "image/jpeg").post("/api/v1/topics/{id}/attachments", topic).then().statusCode(400)
                .body("violations.field", hasItem("file"));
        for (int i = 1; i < 20; i++) upload(wang, topic, "p" + i + ".jpg", "image/jpeg", jpeg(64)).statusCode(201);
        upload(wang, topic, "p21.jpg", "image/jpeg", jpeg(64)).statusCode(422).body("detail", containsString("20"));
    }

    @Test
    void only_the_proposer_and_the_screeners_attach_only_until_scheduling_and_only_those_who_see_the_topic_read_them() {
        String village = Fixtures.freshVillage();
        String wang = resident(village, "wang");
        String topic = topic(wang, village);
        String organizer = TestTokens.as(ORGANIZER, HUIMIN_STREET).token();
        upload(resident(village, "li"), topic, "x.jpg", "image/jpeg", jpeg(100)).statusCode(403).contentType("application/problem+json");
        String id = upload(organizer, topic, "现场.jpg", "image/jpeg", jpeg(100)).statusCode(201).extract().path("id");
        String stranger = resident(Fixtures.freshVillage(), "zhao");
        as(stranger).get("/api/v1/topics/{id}/attachments", topic).then().statusCode(404);
        as(stranger).get("/api/v1/topics/{id}/attachments/{a}/content", topic, id).then().statusCode(404);
        as(stranger).header("If-None-Match", "\"whatever\"").get("/api/v1/topics/{id}/attachments/{a}/content", topic, id).then().statusCode(404);
        given().get("/api/v1/topics/{id}/attachments/{a}/content", topic, id).then().statusCode(401);
        as(wang).get("/api/v1/topics/{id}/attachments/{a}/content", topic, UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");

        // A draft's attachments are its author's alone.
        String draft = as(wang).contentType(ContentType.JSON).body(topicBody(village, "草稿").replace("\"channel\"", "\"draft\": true, \"channel\""))
                .post("/api/v1/topics").then().statusCode(201).extract().path("id");
        upload(wang, draft, "d.png", "image/png", png(100)).statusCode(201);
        upload(organizer, draft, "d.png", "image/png", png(100)).statusCode(404);

        // Rejected: no more evidence, and the 409 says what the topic still allows.
        as(organizer).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"reason\": \"不属于协商范围\"}")
                .post("/api/v1/topics/{id}/reject", topic).then().statusCode(200);
        upload(wang, topic, "late.jpg", "image/jpeg", jpeg(100)).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("ATTACH"));
        as(wang).get("/api/v1/topics/{id}/attachments", topic).then().statusCode(200).body("id", equalTo(List.of(id)));
    }
}
