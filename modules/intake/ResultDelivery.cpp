#include "ResultDelivery.h"

#include "Tr.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace Tongban::Intake {

QString ResultDelivery::methodName(Method method)
{
    switch (method) {
    case Method::HomeWindow:
        return QStringLiteral("home_window");
    case Method::Mail:
        return QStringLiteral("mail");
    case Method::SelfPrint:
        return QStringLiteral("self_print");
    case Method::ApplicationWindow:
        break;
    }
    return QStringLiteral("application_window");
}

Core::Status ResultDelivery::check() const
{
    if (method != Method::Mail)
        return {};
    QStringList problems;
    const QString name = recipient.trimmed();
    if (name.isEmpty() || name.size() > 50)
        problems << QStringLiteral("recipient");
    if (!QRegularExpression(QStringLiteral("^1[3-9][0-9]{9}$")).match(phone).hasMatch())
        problems << QStringLiteral("phone");
    if (!QRegularExpression(QStringLiteral("^[1-8][0-9]{5}$")).match(postalCode).hasMatch())
        problems << QStringLiteral("postalCode");
    const QString line = addressLine.trimmed();
    if (line.size() < 5 || line.size() > 200)
        problems << QStringLiteral("line");
    if (problems.isEmpty())
        return {};
    return Core::Error { AddressIncomplete,
        Tr::tr("The mailing address is incomplete. Enter the recipient, a mobile number of 11 "
               "digits, the 6-digit postal code and the full address."),
        problems.join(QLatin1String(", ")) };
}

QJsonObject ResultDelivery::toJson() const
{
    QJsonObject json { { QStringLiteral("method"), methodName(method) } };
    if (method == Method::Mail) {
        json.insert(QStringLiteral("address"),
            QJsonObject { { QStringLiteral("recipient"), recipient.trimmed() },
                { QStringLiteral("phone"), phone }, { QStringLiteral("postalCode"), postalCode },
                { QStringLiteral("line"), addressLine.trimmed() } });
    }
    return json;
}

ResultDelivery ResultDelivery::fromJson(const QJsonObject &json)
{
    ResultDelivery choice;
    const QString method = json.value(QStringLiteral("method")).toString();
    for (Method candidate :
        { Method::ApplicationWindow, Method::HomeWindow, Method::Mail, Method::SelfPrint }) {
        if (methodName(candidate) == method)
            choice.method = candidate;
    }
    const QJsonObject address = json.value(QStringLiteral("address")).toObject();
    choice.recipient = address.value(QStringLiteral("recipient")).toString();
    choice.phone = address.value(QStringLiteral("phone")).toString();
    choice.postalCode = address.value(QStringLiteral("postalCode")).toString();
    choice.addressLine = address.value(QStringLiteral("line")).toString();
    return choice;
}

QString ResultDelivery::receiptText() const
{
    // The notices are Chinese documents (000 附件): their text is not translated.
    switch (method) {
    case Method::HomeWindow:
        return QStringLiteral("到属地通办窗口领取");
    case Method::Mail:
        return QStringLiteral("邮寄送达（%1，%2 %3）")
            .arg(recipient.trimmed(), postalCode, addressLine.trimmed());
    case Method::SelfPrint:
        return QStringLiteral("自助终端自行打印");
    case Method::ApplicationWindow:
        break;
    }
    return QStringLiteral("到本窗口领取");
}

QJsonObject withResultDelivery(QJsonObject caseBody, const ResultDelivery &choice)
{
    caseBody.insert(QStringLiteral("delivery"), choice.toJson());
    return caseBody;
}

QString evaluationUrl(const QString &baseUrl, const QString &caseNumber)
{
    if (baseUrl.trimmed().isEmpty() || caseNumber.isEmpty())
        return {};
    QUrl url(baseUrl.trimmed());
    QUrlQuery query(url);
    query.removeAllQueryItems(QStringLiteral("caseNumber"));
    query.addQueryItem(QStringLiteral("caseNumber"), caseNumber);
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

} // namespace Tongban::Intake
