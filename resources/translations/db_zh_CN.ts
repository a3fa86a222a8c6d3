<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>errors</name>
    <message>
        <source>The database stayed busy after {attempts} tries (other stations kept changing the same rows); nothing was saved, try again.</source>
        <translation>数据库连续 {attempts} 次繁忙（其他工作站一直在修改相同的数据）；什么都没有保存，请重试。</translation>
    </message>
    <message>
        <source>{target} exists already; choose a new file name.</source>
        <translation>{target} 已存在；请换一个新文件名。</translation>
    </message>
    <message>
        <source>Backup of {source} failed: {reason}</source>
        <translation>备份 {source} 失败：{reason}</translation>
    </message>
    <message>
        <source>No SQLite database file at {path}.</source>
        <translation>{path} 处没有 SQLite 数据库文件。</translation>
    </message>
    <message>
        <source>The copy failed its integrity check ({reason}); nothing was kept.</source>
        <translation>副本未通过完整性检查（{reason}）；没有保留任何文件。</translation>
    </message>
    <message>
        <source>Backups of PostgreSQL are made with pg_dump, e.g. pg_dump -Fc -f {target} '{url}'</source>
        <translation>PostgreSQL 数据库请用 pg_dump 备份，例如：pg_dump -Fc -f {target} '{url}'</translation>
    </message>
</context>
</TS>
