"""The characters foreign names are transliterated with: shared by the PERSON source (克林顿,
a name) and the REGION source (加拉加斯, a place jieba's dictionary tags ns)."""

# characters transliterated foreign names are written with (克林顿, 内塔尼亚胡, 拉米雷斯, 德黑兰)
TRANSLITERATION = frozenset(
    "阿埃艾爱安奥巴柏班邦鲍贝本比彼毕宾波伯博布查达戴丹德迪蒂丁东杜多厄恩尔法菲费芬佛弗福伏盖甘冈戈哥格根古瓜圭哈"
    "海汉豪赫黑亨洪胡霍基吉加贾杰金卡凯坎康考柯科克肯库夸奎拉莱兰朗劳勒雷蕾里利莉列林琳留卢鲁路伦罗洛马玛迈麦曼"
    "毛梅门蒙米密摩莫姆穆纳娜南内尼涅努诺帕派潘佩彭皮珀普齐奇乔切琴丘萨塞桑瑟森沙莎舍什史斯丝松苏索塔泰坦汤特提"
    "托瓦万威维温沃乌伍西希谢辛休雅亚扬耶伊因英尤约泽扎詹朱卓兹佐顿逊夫娃娅丽妮茨韦伟纽斐赖黎蒂迪丝霍弗奇")
