package org.shangliang.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo county (嘉善县) as the source article tells it: Huimin street (惠民街道) and Huitong village
 * (惠通村) with its grids, the departments, CPPCC members linked to grids (委员联网格), service teams
 * linked to townships (界别联镇街), the village's topics and the 2020 county plan's topics. Every
 * record has a natural key (a code, a name, a title) so that loading twice finds what is there.
 */
final class JiashanCounty {

    static final String COUNTY = "330421";
    static final String HUIMIN = "330421003";
    static final String HUITONG = "330421003201";

    record Territory(String code, String name) {
    }

    record Unit(String code, String name, String territoryCode) {
    }

    record Member(String name, String sector, String gridCode, String subject) {
    }

    record ServiceTeam(String name, String sector, String townshipCode) {
    }

    /**
     * A topic and where the demo leaves it.
     *
     * @param screening ACCEPTED, REJECTED, CONVERTED or SUBMITTED (waiting); the note goes with the decision
     * @param supports  how many villagers support it (附议)
     */
    record Topic(String title, String description, List<String> themes, String territoryCode, String level,
                 String proposerRole, String proposerSubject, String proposerName, String screening, String note, int supports) {
    }

    static final List<Territory> TERRITORIES = List.of(
            new Territory(COUNTY, "嘉善县"),
            new Territory("330421001", "魏塘街道"), new Territory("330421002", "罗星街道"), new Territory(HUIMIN, "惠民街道"),
            new Territory("330421101", "大云镇"), new Territory("330421102", "西塘镇"), new Territory("330421103", "干窑镇"),
            new Territory("330421104", "陶庄镇"), new Territory("330421105", "姚庄镇"), new Territory("330421106", "天凝镇"),
            new Territory(HUITONG, "惠通村"), new Territory("330421003202", "曙光村"), new Territory("330421003203", "枫南村"),
            new Territory("330421003204", "大通村"),
            new Territory(HUITONG + "001", "惠通村第一网格"), new Territory(HUITONG + "002", "惠通村第二网格"),
            new Territory(HUITONG + "003", "惠通村第三网格"));

    static final List<Unit> UNITS = List.of(
            new Unit("agri-rural", "县农业农村局", COUNTY), new Unit("housing-construction", "县住房和城乡建设局", COUNTY),
            new Unit("market-supervision", "县市场监督管理局", COUNTY), new Unit("science-technology", "县科学技术局", COUNTY),
            new Unit("economy-it", "县经济和信息化局", COUNTY), new Unit("development-reform", "县发展和改革局", COUNTY),
            new Unit("transport", "县交通运输局", COUNTY), new Unit("natural-resources", "县自然资源和规划局", COUNTY),
            new Unit("civil-affairs", "县民政局", COUNTY), new Unit("water", "县水利局", COUNTY),
            new Unit("health", "县卫生健康局", COUNTY), new Unit("education", "县教育局", COUNTY),
            new Unit("huimin-office", "惠民街道办事处", HUIMIN));

    static final List<Member> MEMBERS = List.of(
            // A deputy party secretary of the street, the member at Huitong's 8th hall (the article).
            new Member("沈建明", "中共", HUITONG + "001", "member-shen"),
            new Member("陆晓燕", "农业和农村", HUITONG + "002", "member-lu"),
            new Member("顾志强", "经济", HUITONG + "003", "member-gu"),
            new Member("钱丽娟", "科学技术", null, "member-qian"),
            new Member("朱国平", "无党派人士", null, "member-zhu"));

    static final List<ServiceTeam> SERVICE_TEAMS = List.of(
            new ServiceTeam("农业和农村界别服务组", "农业和农村", HUIMIN),
            new ServiceTeam("经济界别服务组", "经济", "330421101"),
            new ServiceTeam("科学技术界别服务组", "科学技术", "330421102"));

    /**
     * The village topics of the source article (the land-rights one waits for its hall: the walkthrough
     * tells that story), one waiting for screening, and two that screening sent elsewhere.
     */
    static final List<Topic> VILLAGE_TOPICS = List.of(
            village("惠通村环境卫生长效保洁", "河道和村道垃圾清运不及时，建议建立长效保洁机制，明确保洁员责任片区。", List.of("民生", "生态绿色"),
                    "wang@huitong", "王建国", "ACCEPTED", "列入民生议事堂", 12),
            village("惠通村基础设施提升改造", "村道破损、路灯不足，建议分两年完成道路硬化和路灯改造。", List.of("民生", "基础设施"),
                    "li@huitong", "李秀英", "ACCEPTED", "列入民生议事堂", 9),
            village("建设惠通村蜜梨销售点", "蜜梨上市季节集中，农户各自零售，建议在公路旁建设统一的蜜梨销售点。", List.of("农业", "产业"),
                    "zhang@huitong", "张阿四", "ACCEPTED", "列入民生议事堂", 15),
            village("美丽乡村建设奖补细则", "美丽乡村创建的奖补标准不清楚，建议由村民议事形成奖补细则并公示。", List.of("民生", "美丽乡村"),
                    "chen@huitong", "陈美华", "ACCEPTED", "列入民生议事堂", 7),
            village("惠通村土地确权面积异议", "部分承包户对确权面积有异议，建议在村委换届前召开议事堂协商，邀请县政协、乡贤和农经部门参加。",
                    List.of("农业", "民生"), "lu@huitong", "陆金宝", "ACCEPTED", "列入民生议事堂", 11),
            village("惠通村老年食堂扩建", "老年食堂就餐人数增加，建议扩建并增加送餐服务。", List.of("民生", "养老"),
                    "zhou@huitong", "周桂英", "SUBMITTED", null, 3),
            village("修缮惠通村文化礼堂屋顶", "文化礼堂屋顶漏雨，影响议事堂活动。", List.of("民生"),
                    "xu@huitong", "徐福根", "CONVERTED", "转街道办事处作为意见建议办理", 1),
            village("村口小卖部营业时间", "建议村口小卖部延长营业时间。", List.of("民生"),
                    "wu@huitong", "吴小龙", "REJECTED", "属个人经营事项，不列入协商", 0));

    /** A recommendation of an outcome, and the state its case (办理件) is left in. */
    record Recommendation(String text, String unitCode, String dueDate, String caseStatus) {
    }

    /**
     * A session held on one topic and the outcome recorded (or, with no recommendations, a session
     * still to come). County sessions are special-topic consultations of the CPPCC office.
     */
    record Story(String topicTitle, String sessionTitle, String startsAt, String venue, List<Recommendation> recommendations) {
    }

    /**
     * A year of the county's consultation: sessions from March to December, outcomes, and cases in
     * every state of their life, two of them past their due date (超期).
     */
    static final List<Story> STORIES = List.of(
            new Story("惠通村环境卫生长效保洁", "惠通村民生议事堂2026年第2次协商", "2026-03-12T06:30:00Z", "惠通村文化礼堂",
                    List.of(new Recommendation("建立村道、河道长效保洁机制，明确保洁员责任片区", "housing-construction", "2026-06-30", "CLOSED"))),
            new Story("惠通村基础设施提升改造", "惠通村民生议事堂2026年第4次协商", "2026-05-14T06:30:00Z", "惠通村文化礼堂",
                    List.of(new Recommendation("完成村道硬化一期工程", "transport", "2026-12-31", "IN_PROGRESS"),
                            new Recommendation("增设村道路灯四十盏", "housing-construction", "2026-10-31", "ASSIGNED"))),
            new Story("建设惠通村蜜梨销售点", "惠通村民生议事堂2026年第6次协商", "2026-07-09T06:30:00Z", "惠通村文化礼堂",
                    List.of(new Recommendation("在公路旁建设统一的蜜梨销售点", "agri-rural", "2026-12-15", "REPLIED"),
                            new Recommendation("规范蜜梨销售点经营秩序", "market-supervision", "2027-01-31", "RETURN_REQUESTED"))),
            new Story("美丽乡村建设奖补细则", "惠通村民生议事堂2026年第9次协商", "2026-12-10T06:30:00Z", "惠通村文化礼堂", List.of()),
            new Story("2020年度重点协商：加快智慧城市建设", "智慧城市建设专题协商会", "2026-08-20T01:30:00Z", "县政协会议中心",
                    List.of(new Recommendation("建设城市大脑数据平台，打通部门数据", "economy-it", "2026-11-20", "SIGNED"))),
            new Story("2020年度重点协商：推动传统产业转型升级", "产业转型升级专题协商会", "2026-09-17T01:30:00Z", "县政协会议中心",
                    List.of(new Recommendation("制定传统产业改造提升行动方案", "development-reform", "2027-02-28", "REPLY_APPROVED"))));

    /** The 2020 county plan: 34 topics, 22 of them on the demonstration zone (65 %). */
    static final List<Topic> COUNTY_PLAN_2020 = countyPlan();

    static final String DEMONSTRATION_ZONE = "示范区";

    private static Topic village(String title, String description, List<String> themes, String subject, String name,
                                 String screening, String note, int supports) {
        return new Topic(title, description, themes, HUITONG, "VILLAGE", "resident", subject, name, screening, note, supports);
    }

    private static List<Topic> countyPlan() {
        String[] zone = {
            "加快智慧城市建设", "推动传统产业转型升级", "培育新型农业经营主体", "建设高能级创新平台", "打造美丽乡村示范村",
            "推进示范区嘉善片区生态环境共保联治", "示范区跨界水体联合治理", "示范区公共服务共建共享", "示范区交通互联互通",
            "示范区科技创新资源共享", "示范区产业协同发展", "示范区要素自由流动", "示范区医疗卫生合作",
            "示范区教育资源共享", "示范区文化旅游一体化", "示范区人才引进与流动", "示范区营商环境一体化",
            "示范区数字政务服务互认", "示范区农业绿色发展", "示范区水乡古镇保护利用", "示范区社会治理协同", "示范区规划建设统一标准"};
        String[] other = {
            "优化农村养老服务", "提升县域医疗服务能力", "推进垃圾分类全覆盖", "加强农村饮用水安全",
            "发展乡村旅游", "推动小微企业园提质", "加强职业技能培训", "完善公共文化服务体系",
            "推进老旧小区改造", "加强食品安全监管", "优化中小学布局", "推进平安嘉善建设"};
        List<Topic> plan = new ArrayList<>();
        for (String t : zone) plan.add(county("2020年度重点协商：" + t, List.of(DEMONSTRATION_ZONE, "高质量")));
        for (String t : other) plan.add(county("2020年度重点协商：" + t, List.of("民生")));
        return List.copyOf(plan);
    }

    private static Topic county(String title, List<String> themes) {
        return new Topic(title, "县政协2020年度协商计划议题：" + title.substring(title.indexOf('：') + 1) + "。", themes, COUNTY, "COUNTY",
                "cppcc_staff", "demo-cppcc-office", "县政协机关", "ACCEPTED", "列入2020年度协商计划", 0);
    }

    private JiashanCounty() {
    }
}
