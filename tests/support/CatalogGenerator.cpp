#include "CatalogGenerator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QStringList>

namespace Tongban::TestSupport {

namespace {
const QStringList kSubjects = { QStringLiteral("个体工商户"), QStringLiteral("有限责任公司"),
    QStringLiteral("农民专业合作社"), QStringLiteral("城镇职工"), QStringLiteral("城乡居民"),
    QStringLiteral("灵活就业人员"), QStringLiteral("住房公积金"), QStringLiteral("社会保障卡"),
    QStringLiteral("医疗保险"), QStringLiteral("道路运输"), QStringLiteral("食品经营"),
    QStringLiteral("药品零售"), QStringLiteral("建筑施工"), QStringLiteral("出版物经营"),
    QStringLiteral("烟草专卖"), QStringLiteral("娱乐场所"), QStringLiteral("旅馆业"),
    QStringLiteral("机动车驾驶人") };
const QStringList kActs = { QStringLiteral("设立登记"), QStringLiteral("变更登记"),
    QStringLiteral("注销登记"), QStringLiteral("备案"), QStringLiteral("许可证核发"),
    QStringLiteral("证明出具"), QStringLiteral("关系转移接续"), QStringLiteral("补领换领"),
    QStringLiteral("参保登记"), QStringLiteral("资格认定") };
const QStringList kMaterials
    = { QStringLiteral("申请表"), QStringLiteral("身份证明"), QStringLiteral("场所使用证明"),
          QStringLiteral("授权委托书"), QStringLiteral("承诺书"), QStringLiteral("资格证书") };

QJsonObject reviewPoint(int i)
{
    return QJsonObject { { QStringLiteral("id"), QStringLiteral("rp%1").arg(i) },
        { QStringLiteral("text"), QStringLiteral("第%1项审查要点：内容完整、签字齐全").arg(i) },
        { QStringLiteral("method"), i % 2 ? QStringLiteral("查验") : QStringLiteral("核对") },
        { QStringLiteral("standard"), QStringLiteral("按统一审查标准执行") },
        { QStringLiteral("deficiencies"),
            QJsonArray { QJsonObject { { QStringLiteral("code"), QStringLiteral("missing") },
                { QStringLiteral("reason"), QStringLiteral("缺少必要内容") },
                { QStringLiteral("correction"), QStringLiteral("补充完整后重新提交") } } } } };
}
} // namespace

QByteArray generateCatalog(int itemCount, const QByteArray &version, quint32 seed)
{
    QRandomGenerator random(seed);
    QJsonArray items;
    for (int n = 0; n < itemCount; ++n) {
        const QString subject = kSubjects.at(random.bounded(kSubjects.size()));
        const QString act = kActs.at(random.bounded(kActs.size()));
        QJsonArray materials;
        for (int m = 0; m < 3; ++m) {
            const QString id = QStringLiteral("m%1").arg(m);
            materials.append(QJsonObject { { QStringLiteral("id"), id },
                { QStringLiteral("name"),
                    QString(subject + kMaterials.at((n + m) % kMaterials.size())) },
                { QStringLiteral("basis"), QStringLiteral("《示例条例》第%1条").arg(m + 1) },
                { QStringLiteral("originals"), 1 }, { QStringLiteral("copies"), m },
                { QStringLiteral("medium"), QStringLiteral("paper") },
                { QStringLiteral("source"), QStringLiteral("申请人自备") },
                { QStringLiteral("paperArchive"), m == 0 }, { QStringLiteral("tolerable"), false },
                { QStringLiteral("sample"),
                    QJsonObject { { QStringLiteral("ref"), QStringLiteral("form") },
                        { QStringLiteral("regions"),
                            QJsonArray { QJsonObject {
                                { QStringLiteral("reviewPoint"), QStringLiteral("rp1") },
                                { QStringLiteral("x"), 0.1 }, { QStringLiteral("y"), 0.8 },
                                { QStringLiteral("w"), 0.3 },
                                { QStringLiteral("h"), 0.1 } } } } } },
                { QStringLiteral("reviewPoints"),
                    QJsonArray { reviewPoint(1), reviewPoint(2) } } });
        }
        items.append(QJsonObject {
            { QStringLiteral("itemCode"),
                QStringLiteral("114104%1").arg(n, 12, 10, QLatin1Char('0')) },
            { QStringLiteral("name"), QString(subject + act + QStringLiteral("（%1）").arg(n)) },
            { QStringLiteral("keywords"), QJsonArray { subject, act } },
            { QStringLiteral("type"), QStringLiteral("行政许可") },
            { QStringLiteral("basis"), QJsonArray { QStringLiteral("《示例条例》第一条") } },
            { QStringLiteral("implementingBody"), QStringLiteral("县（市、区）有关部门") },
            { QStringLiteral("acceptanceConditions"),
                QJsonArray { QStringLiteral("符合法定条件") } },
            { QStringLiteral("target"), QJsonArray { QStringLiteral("自然人") } },
            { QStringLiteral("legalTimeLimitDays"), 20 },
            { QStringLiteral("promisedTimeLimitDays"), 5 },
            { QStringLiteral("result"),
                QJsonObject { { QStringLiteral("name"), QStringLiteral("批准文件") },
                    { QStringLiteral("type"), QStringLiteral("批文") } } },
            { QStringLiteral("fees"), QJsonObject { { QStringLiteral("charged"), false } } },
            { QStringLiteral("process"),
                QJsonArray {
                    QStringLiteral("申请"), QStringLiteral("受理"), QStringLiteral("决定") } },
            { QStringLiteral("scope"), QStringLiteral("citywide") },
            { QStringLiteral("location"), QStringLiteral("各级政务服务中心通办窗口") },
            { QStringLiteral("hours"), QStringLiteral("法定工作日") },
            { QStringLiteral("contact"), QStringLiteral("0375-0000000") },
            { QStringLiteral("complaint"), QStringLiteral("12345") },
            { QStringLiteral("homeJurisdiction"),
                QJsonObject { { QStringLiteral("code"), QStringLiteral("410402") },
                    { QStringLiteral("name"), QStringLiteral("新华区") } } },
            { QStringLiteral("homeWindows"),
                QJsonArray { QJsonObject { { QStringLiteral("id"), QStringLiteral("w%1").arg(n) },
                    { QStringLiteral("name"), QStringLiteral("通办窗口") } } } },
            { QStringLiteral("materials"), materials } });
    }
    const QJsonObject root { { QStringLiteral("format"), QStringLiteral("tongban-catalog") },
        { QStringLiteral("formatVersion"), 1 },
        { QStringLiteral("catalogVersion"), QString::fromLatin1(version) },
        { QStringLiteral("publishedAt"), QStringLiteral("2026-11-01T09:00:00+08:00") },
        { QStringLiteral("publisher"), QStringLiteral("生成的测试目录") },
        { QStringLiteral("region"),
            QJsonObject { { QStringLiteral("code"), QStringLiteral("410400") },
                { QStringLiteral("name"), QStringLiteral("平顶山市") } } },
        { QStringLiteral("facts"), QJsonArray() },
        { QStringLiteral("samples"),
            QJsonArray { QJsonObject { { QStringLiteral("id"), QStringLiteral("form") },
                { QStringLiteral("title"), QStringLiteral("申请表示例") },
                { QStringLiteral("image"), QStringLiteral("samples/form.svg") },
                { QStringLiteral("width"), 1000 }, { QStringLiteral("height"), 1414 } } } },
        { QStringLiteral("items"), items } };
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

} // namespace Tongban::TestSupport
